package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@link DomBytes} writes a document exactly as the JDK's identity transformer does, or leaves it
 * to the transformer: on the workbook, styles and relationship parts of the sample and test returns
 * and the master template, and on seeded random documents whose text and attributes draw on every
 * kind of character (markup, quotes, tabs and line breaks, controls, non-ASCII, line separators,
 * surrogate pairs).
 */
class DomBytesTest {
  @Test
  void thePartsOfTheReturnsAndTheTemplateAreWrittenAsTheTransformerWritesThem() throws Exception {
    int parts = 0;
    int plain = 0;
    for (ReturnParts.Part part :
        ReturnParts.of(
            "-Q1",
            name ->
                name.equals("xl/workbook.xml")
                    || name.equals("xl/styles.xml")
                    || name.endsWith(".rels"),
            Path.of("workbook-templates/insights-master.xlsx"))) {
      Document doc;
      try {
        doc = PackageXml.parse(part.bytes());
      } catch (java.io.IOException notWellFormed) {
        continue; // the broken returns hold parts that are not XML
      }
      parts++;
      if (assertSame(part.label(), doc)) {
        plain++;
      }
    }
    assertThat(parts).isGreaterThan(100);
    assertThat(plain).isGreaterThan(parts * 9 / 10);
  }

  @Test
  void seededRandomDocumentsAreWrittenAsTheTransformerWritesThemOrLeftToIt() throws Exception {
    int plain = 0;
    int left = 0;
    for (long seed = 1; seed <= 1500; seed++) {
      Random random = new Random(seed);
      boolean oddCharacters = random.nextInt(3) == 0;
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element root =
          doc.createElementNS(PackageXml.MAIN_NS, random.nextBoolean() ? "workbook" : "x:workbook");
      if (root.getPrefix() != null) {
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", PackageXml.MAIN_NS);
      } else if (random.nextInt(6) > 0) {
        // (else undeclared: the transformer adds the declaration, so DomBytes leaves it)
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", PackageXml.MAIN_NS);
      }
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:r", PackageXml.REL_NS);
      doc.appendChild(root);
      fill(doc, root, random, 0, oddCharacters);
      if (random.nextInt(20) == 0) {
        root.appendChild(doc.createComment("a comment"));
      }
      boolean written = assertSame("seed " + seed, doc);
      if (!oddCharacters && written) {
        plain++;
      }
      if (!written) {
        left++;
      }
    }
    assertThat(plain).isGreaterThan(800);
    assertThat(left).isGreaterThan(100);
  }

  /** Whether DomBytes wrote the document (the same bytes as the transformer) or left it (null). */
  private static boolean assertSame(String what, Document doc) throws Exception {
    doc.setXmlStandalone(true);
    byte[] ours = DomBytes.of(doc);
    byte[] theirs = PackageXml.transformed(doc);
    if (ours == null) {
      return false;
    }
    assertThat(new String(ours, StandardCharsets.UTF_8))
        .as(what)
        .isEqualTo(new String(theirs, StandardCharsets.UTF_8));
    assertThat(ours).as(what).isEqualTo(theirs);
    return true;
  }

  private static final String PLAIN_CHARACTERS =
      "abcXYZ019 .,;:!?-_/()[]{}#$%*+=@^|~`'\"&<>é€—ßüñ中文";
  private static final String ODD_CHARACTERS = "\t\n\r\u0001\u001f\u007f\u0085\u009f\u2028\u2029";

  private static void fill(
      Document doc, Element parent, Random random, int depth, boolean oddCharacters) {
    int attributes = random.nextInt(4);
    for (int i = 0; i < attributes; i++) {
      parent.setAttribute("a" + random.nextInt(9), text(random, oddCharacters));
    }
    int children = depth > 3 ? 0 : random.nextInt(4);
    for (int i = 0; i < children; i++) {
      if (random.nextInt(3) == 0) {
        parent.appendChild(doc.createTextNode(text(random, oddCharacters)));
      } else {
        String prefix = parent.getPrefix();
        Element e =
            doc.createElementNS(
                PackageXml.MAIN_NS, (prefix == null ? "" : prefix + ":") + "e" + random.nextInt(5));
        parent.appendChild(e);
        fill(doc, e, random, depth + 1, oddCharacters);
      }
    }
  }

  private static String text(Random random, boolean oddCharacters) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      if (oddCharacters && random.nextInt(6) == 0) {
        if (random.nextInt(4) == 0) {
          b.appendCodePoint(0x1F600 + random.nextInt(40)); // a surrogate pair
        } else {
          b.append(ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length())));
        }
      } else {
        b.append(PLAIN_CHARACTERS.charAt(random.nextInt(PLAIN_CHARACTERS.length())));
      }
    }
    return b.toString();
  }
}
