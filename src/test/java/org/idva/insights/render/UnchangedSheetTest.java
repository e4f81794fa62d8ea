package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.idva.insights.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * A worksheet {@link UnchangedSheet} lets into the checked copy as submitted says what the copy of
 * it would say: the same elements, attributes and text as {@link CheckedSheet}'s copy with no
 * marks, but for what the copy only spells differently (a row's {@code spans}, white space between
 * rows, a style of 0 written or not, the order of a cell's attributes). Checked on every worksheet
 * of a quarter of the sample returns and of the test returns, and on seeded random sheets made of
 * pieces the copy keeps and pieces it leaves out or changes: a sheet of kept pieces only is let in,
 * a sheet with one of the others never.
 */
class UnchangedSheetTest {
  private static final String MAIN = PackageXml.MAIN_NS;

  @Test
  void theSheetsOfTheSampleAndTestReturnsLetInSayWhatTheirCopiesSay() throws Exception {
    int unchanged = 0;
    int sheets = 0;
    for (ReturnParts.Part part : ReturnParts.of("-Q2", ReturnParts::worksheet)) {
      sheets++;
      if (unchanged(part.bytes())) {
        unchanged++;
        assertThat(meaning(part.bytes())).as(part.label()).isEqualTo(meaning(copy(part.bytes())));
      }
    }
    assertThat(sheets).isGreaterThan(300);
    // most of the sample's sheets go in as submitted; the one selected (tabSelected) never does
    assertThat(unchanged).isGreaterThan(sheets * 3 / 4).isLessThan(sheets);
  }

  @Test
  void seededRandomSheetsAreLetInOnlyWhenTheirCopiesWouldSayTheSame() throws Exception {
    int letIn = 0;
    int keptOut = 0;
    for (long seed = 1; seed <= 600; seed++) {
      Random random = new Random(seed);
      boolean change = random.nextInt(3) == 0;
      RandomSheet sheet = new RandomSheet(random, change);
      byte[] xml = sheet.xml().getBytes(StandardCharsets.UTF_8);
      boolean unchanged = unchanged(xml);
      String what = "seed " + seed + ": " + sheet.xml();
      if (unchanged) {
        letIn++;
        assertThat(meaning(xml)).as(what).isEqualTo(meaning(copy(xml)));
      } else {
        keptOut++;
      }
      assertThat(unchanged).as(what).isEqualTo(!sheet.changed());
    }
    assertThat(letIn).isGreaterThan(200);
    assertThat(keptOut).isGreaterThan(150);
  }

  @Test
  void aSheetTheCopyMustMarkOrCleanIsNeverLetIn() throws Exception {
    String head = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>";
    String row = "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c></row>";
    assertThat(unchanged(bytes(head + row + "</sheetData></worksheet>"))).isTrue();
    for (String broken :
        List.of(
            row.replace("<v>0</v>", "<f>A2</f><v>0</v>"),
            row.replace("<row r=\"1\">", "<row r=\"1\" >"),
            row.replace("<row r=\"1\">", "<row r='1'>"),
            row + "<!-- note -->",
            row.replace("</row>", "</row></sheetData><extra/><sheetData>"),
            row.replace("<v>0</v>", "<v><![CDATA[0]]></v>"))) {
      assertThat(unchanged(bytes(head + broken + "</sheetData></worksheet>"))).as(broken).isFalse();
    }
    // not well formed, or cut short
    assertThat(unchanged(bytes(head + row + "</sheetData>"))).isFalse();
    assertThat(unchanged(bytes(head + row))).isFalse();
    assertThat(unchanged(bytes(head + "<row r=\"1\"><c r=\"A1\"><v>0</c></row></sheetData>")))
        .isFalse();
  }

  private static boolean unchanged(byte[] xml) throws Exception {
    return new UnchangedSheet(CheckedSheet.DROPPED).test(new ByteArrayInputStream(xml));
  }

  /** The copy of a sheet with no marks and no comments. */
  private static byte[] copy(byte[] xml) throws Exception {
    Map<Severity, Short> colours = new EnumMap<>(Severity.class);
    colours.put(Severity.ERROR, (short) 10);
    colours.put(Severity.QUERY, (short) 13);
    colours.put(Severity.NOTICE, (short) 42);
    CheckedSheet sheet =
        new CheckedSheet(
            new TreeMap<>(),
            new HashMap<>(),
            new HashSet<>(),
            new CheckedStyles(null, IssuesSheetWriter.STYLES, colours));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sheet.copy(new ByteArrayInputStream(xml), out);
    assertThat(sheet.comments()).isEmpty();
    return out.toByteArray();
  }

  /**
   * What the XML says: elements with their attributes by namespace (a row's {@code spans} left out,
   * a cell's style read as a number, 0 when it has none), text joined, white space directly in
   * {@code sheetData} and {@code row} left out; namespace declarations are not attributes.
   */
  static List<String> meaning(byte[] xml) throws Exception {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
    List<String> out = new ArrayList<>();
    List<String> open = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamReader.CHARACTERS
          || e == XMLStreamReader.CDATA
          || e == XMLStreamReader.SPACE) {
        text.append(r.getText());
        continue;
      }
      String parent = open.isEmpty() ? "" : open.get(open.size() - 1);
      if (!text.isEmpty()
          && !(text.toString().isBlank() && (parent.equals("sheetData") || parent.equals("row")))) {
        out.add("text " + text);
      }
      text.setLength(0);
      if (e == XMLStreamReader.START_ELEMENT) {
        String name = r.getLocalName();
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
          String local = r.getAttributeLocalName(i);
          String value = r.getAttributeValue(i);
          if (name.equals("row") && local.equals("spans")) {
            continue;
          }
          if (name.equals("c") && local.equals("s")) {
            value = Integer.toString(Integer.parseInt(value));
          }
          attributes.put("{" + r.getAttributeNamespace(i) + "}" + local, value);
        }
        if (name.equals("c")) {
          attributes.putIfAbsent("{}s", "0");
        }
        out.add("start {" + r.getNamespaceURI() + "}" + name + " " + attributes);
        open.add(name);
      } else if (e == XMLStreamReader.END_ELEMENT) {
        out.add("end " + r.getLocalName());
        open.remove(open.size() - 1);
      } else if (e == XMLStreamReader.COMMENT || e == XMLStreamReader.PROCESSING_INSTRUCTION) {
        out.add("other " + e);
      }
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A sheet made of pieces the copy keeps as they say, and, when asked, exactly one piece it leaves
   * out or changes (a formula, a selected sheet view, a hyperlink, a drawing, a relationship id, a
   * comment, a prefixed row, CDATA, an extension list).
   */
  private static final class RandomSheet {
    private final StringBuilder b = new StringBuilder();
    private final boolean changed;

    RandomSheet(Random random, boolean change) {
      int where = change ? random.nextInt(3) : -1; // the start, the rows, what follows them
      if (random.nextBoolean()) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
      }
      b.append("<worksheet xmlns=\"").append(MAIN).append('"');
      if (random.nextBoolean()) {
        b.append(" xmlns:r=\"").append(PackageXml.REL_NS).append('"');
        b.append(" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"");
      }
      b.append('>');
      if (random.nextBoolean()) {
        b.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
      }
      b.append("<dimension ref=\"A1:H20\"/><sheetViews><sheetView workbookViewId=\"0\"");
      b.append(where == 0 && random.nextBoolean() ? " tabSelected=\"1\"" : "");
      b.append(
          "><pane ySplit=\"1\" state=\"frozen\" topLeftCell=\"A2\"/></sheetView></sheetViews>");
      if (where == 0 && !b.toString().contains("tabSelected")) {
        b.append(
            List.of(
                    "<!-- a note -->",
                    "<sheetCalcPr fullCalcOnLoad=\"1\" r:id=\"rId9\""
                        + " xmlns:r=\""
                        + PackageXml.REL_NS
                        + "\"/>",
                    "<drawing r:id=\"rId3\" xmlns:r=\"" + PackageXml.REL_NS + "\"/>")
                .get(random.nextInt(3)));
      }
      b.append("<cols><col min=\"1\" max=\"3\" style=\"2\" width=\"9\"/></cols><sheetData>");
      int rows = 1 + random.nextInt(12);
      int broken = where == 1 ? random.nextInt(rows) : -1;
      for (int row = 1; row <= rows; row++) {
        row(random, row, row - 1 == broken);
        if (random.nextInt(5) == 0) {
          b.append("\n  ");
        }
      }
      b.append("</sheetData>");
      if (where == 2) {
        b.append(
            List.of(
                    "<hyperlinks><hyperlink ref=\"A1\" location=\"B2\"/></hyperlinks>",
                    "<pageSetup orientation=\"landscape\" r:id=\"rId2\" xmlns:r=\""
                        + PackageXml.REL_NS
                        + "\"/>",
                    "<legacyDrawing r:id=\"rId1\" xmlns:r=\"" + PackageXml.REL_NS + "\"/>",
                    "<extLst><ext uri=\"{x}\"/></extLst>",
                    "<!-- after the rows -->")
                .get(random.nextInt(5)));
      } else {
        b.append("<sheetProtection sheet=\"1\"/><autoFilter ref=\"A1:C1\"/>");
      }
      b.append(
          "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
              + " header=\"0.3\" footer=\"0.3\"/></worksheet>");
      this.changed = change;
    }

    private void row(Random random, int row, boolean broken) {
      int kind = broken ? random.nextInt(4) : -1;
      b.append(kind == 0 ? "<x:row xmlns:x=\"" + MAIN + "\"" : "<row").append(" r=\"" + row + '"');
      if (random.nextBoolean()) {
        b.append(" spans=\"1:").append(1 + random.nextInt(8)).append('"');
      }
      if (random.nextInt(4) == 0) {
        b.append(" ht=\"18\" customHeight=\"1\"");
      }
      int cells = random.nextInt(6);
      if (cells == 0 && kind < 0 && random.nextBoolean()) {
        b.append("/>");
        return;
      }
      b.append('>');
      for (int col = 1; col <= cells; col++) {
        b.append(cell(random, col, row));
      }
      if (kind == 1) {
        b.append("<c r=\"H").append(row).append("\"><f>SUM(A1:A2)</f><v>3</v></c>");
      } else if (kind == 2) {
        b.append("<c r=\"H").append(row).append("\" t=\"str\"><v><![CDATA[a<b]]></v></c>");
      } else if (kind == 3) {
        b.append("<!-- in a row -->");
      }
      b.append(kind == 0 ? "</x:row>" : "</row>");
    }

    private static String cell(Random random, int col, int row) {
      String ref = " r=\"" + (char) ('A' + col - 1) + row + "\"";
      String style =
          switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " s=\"0\"";
            default -> " s=\"" + (1 + random.nextInt(30)) + "\"";
          };
      boolean typeFirst = random.nextBoolean();
      return switch (random.nextInt(5)) {
        case 0 -> "<c" + ref + style + "/>";
        case 1 ->
            typeFirst
                ? "<c" + ref + " t=\"s\"" + style + "><v>" + random.nextInt(90) + "</v></c>"
                : "<c" + ref + style + " t=\"s\"><v>" + random.nextInt(90) + "</v></c>";
        case 2 -> "<c" + ref + style + " t=\"inlineStr\"><is><t>O&apos;" + row + "</t></is></c>";
        case 3 -> "<c" + ref + style + " t=\"b\"><v>1</v></c>";
        default -> "<c" + ref + style + "><v>" + random.nextInt(1000) / 8.0 + "</v></c>";
      };
    }

    String xml() {
      return b.toString();
    }

    boolean changed() {
      return changed;
    }
  }
}
