package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.idva.insights.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * The byte-level copy of a sheet's rows ({@link SheetDataBytes}, used by {@link CheckedSheet#copy})
 * gives the same XML as the event copy ({@link CheckedSheet#copyByEvents}): the same elements,
 * attributes and text in the same order, the same comments and the same count of formulas. Checked
 * on every worksheet of the sample returns and of the broken returns in the test resources, on
 * hand-written sheets with every construct the rows may hold, and on seeded random sheets, each
 * with seeded random marks and earlier marks.
 */
class SheetDataBytesTest {
  private static final String MAIN = PackageXml.MAIN_NS;
  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<worksheet xmlns=\""
          + MAIN
          + "\" xmlns:r=\""
          + PackageXml.REL_NS
          + "\""
          + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">"
          + "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>"
          + "<cols><col min=\"1\" max=\"3\" style=\"2\" width=\"9\"/></cols>";
  private static final String TAIL =
      "<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/></hyperlinks>"
          + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
          + " footer=\"0.3\"/><pageSetup orientation=\"landscape\" r:id=\"rId2\"/>"
          + "<drawing r:id=\"rId3\"/><tableParts count=\"0\"/></worksheet>";

  @Test
  void theSheetsOfTheSampleAndTestReturnsAreCopiedAlike() throws Exception {
    Random random = new Random(18);
    int sheets = 0;
    int byBytes = 0;
    int plainRows = 0;
    List<ReturnParts.Part> parts = ReturnParts.of("-Q2", ReturnParts::worksheet);
    assertThat(parts.stream().map(p -> p.label().substring(0, p.label().indexOf('!'))).distinct())
        .hasSizeGreaterThan(50);
    for (ReturnParts.Part part : parts) {
      sheets++;
      if (rowsByBytes(part.bytes())) {
        byBytes++;
      }
      plainRows += assertSameCopy(part.label(), part.bytes(), random);
    }
    assertThat(sheets).isGreaterThan(300);
    // The sample's sheets are all plain enough for the byte copy: this test compares it.
    assertThat(byBytes).isGreaterThan(sheets * 9 / 10);
    // ...and most of their rows are copied as they are (the rows of a quarter of the sample)
    assertThat(plainRows).isGreaterThan(5_000);
  }

  @Test
  void everyConstructARowMayHoldIsCopiedAlike() throws Exception {
    String rows =
        "<sheetData>\n"
            + "  <row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\" ht='15' customHeight=\"1\">\n"
            + "    <c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>\n"
            + "    <c r=\"B1\" s=\"0\"><v>1.5</v></c><c r=\"C1\" s=\"007\" t=\"n\" cm=\"1\"><v>2</v></c>\n"
            + "  </row>\n"
            + "  <!-- a comment between rows -->\n"
            + "  <row r=\"3\"><c r=\"A3\" t=\"str\"><f>CONCAT(\"a\",\"&amp;b\")</f><v>a&amp;b &lt;c&gt;</v></c>"
            + "<c r=\"B3\"><f t=\"shared\" ref=\"B3:B4\" si=\"0\">A3*2</f><v>4</v></c>"
            + "<c r=\"C3\" t=\"str\"><f/></c><c r=\"D3\" s=\"3\"><f>1/0</f></c>"
            + "<c r=\"E3\" t=\"str\"><f>\"x\"</f><v><![CDATA[<kept> & ]]>more</v></c></row>\n"
            + "  <row r=\"4\"/>\n"
            + "  <row><c><v>5</v></c><c><is><r><rPr><b/></rPr><t xml:space=\"preserve\"> rich </t>"
            + "</r><!-- c --><t>x</t></is></c><c/><c r=\"F5\" t='inlineStr' s=\"12\"><is><t>O&apos;Neil"
            + " &#8212; &#x2014; \"q\"</t></is><extLst><ext uri=\"x\"/></extLst></c></row>\n"
            + "  <row r=\"7\" spans=\"2:2\"><!-- in a row --><c r=\"B7\"><!-- in a cell --><v>7</v>"
            + "</c>  <c r=\"D7\" s=\"4\"/><?pi in a row?><c r=\"AB7\" t=\"b\"><v>1</v></c></row>\n"
            + "  <foo><row r=\"8\"/></foo>\n"
            + "  <row r=\"9\"><c r=\"A9\"><v>\r\n9\r</v></c><c r=\"B9\" t=\"e\"><v>#N/A</v></c></row>\n"
            + "</sheetData>";
    String sheet = HEAD + rows + TAIL;
    assertThat(rowsByBytes(bytes(sheet))).isTrue();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      assertSameCopy("constructs #" + i, bytes(sheet), random);
    }
    assertSameCopy("constructs, no marks", bytes(sheet), null);
  }

  @Test
  void seededRandomSheetsAreCopiedAlike() throws Exception {
    int plainRows = 0;
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      byte[] xml = bytes(randomSheet(random));
      assertThat(rowsByBytes(xml)).as("seed %d", seed).isTrue();
      plainRows += assertSameCopy("seed " + seed, xml, random);
    }
    assertThat(plainRows).as("rows copied as they are").isGreaterThan(30);
  }

  @Test
  void aRowIsCopiedAsItIsOnlyWhenNothingInItChanges() throws Exception {
    String plain =
        "<c r=\"A2\" s=\"3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">O&apos;Neil </t></is></c>"
            + "\n<c r=\"B2\" s=\"12\" t=\"n\"><v>4.5</v></c><c r=\"C2\"/><c r=\"D2\" t=\"s\"><v>1</v>"
            + "</c><c r=\"E2\" s=\"7\"><v>2</v><is><t>x</t></is></c>";
    List<String> notPlain =
        List.of(
            "<c r=\"A2\" t=\"s\" s=\"3\"><v>1</v></c>", // type before style
            "<c r=\"A2\" s=\"03\"><v>1</v></c>", // a leading zero
            "<c r=\"A2\" s=\"0\"><v>1</v></c>", // style 0 is not written
            "<c r=\"A2\" s=\"123456789\"><v>1</v></c>", // more than 8 digits
            "<c r='A2'><v>1</v></c>", // single quotes
            "<c r=\"A2\"  s=\"3\"><v>1</v></c>", // two spaces
            "<c s=\"3\" r=\"A2\"><v>1</v></c>", // style first
            "<c><v>1</v></c>", // no reference
            "<c r=\"A2\" cm=\"1\"><v>1</v></c>", // another attribute
            "<c r=\"A2\"><f>1+1</f><v>2</v></c>", // a formula
            "<c r=\"A2\"> <v>1</v></c>", // text in a cell
            "<c r=\"A2\"><v>1</v><!-- x --></c>", // a comment
            "<c r=\"A2\"><is><t>a</t><!-- x --></is></c>", // a comment in inline text
            "<c r=\"A2\"><is><?pi x?><t>a</t></is></c>", // an instruction
            "<c r=\"A2\"><v><![CDATA[1]]></v></c>", // CDATA
            "<c r=\"A2\"><extLst/></c>", // another element
            "<c r=\"A2\"><v/></c>", // an empty value
            "<c r=\"A2\" s=\"3\"></c>", // no value, yet not closed
            "<c r=\"A2\" ><v>1</v></c>", // a space before >
            "<!-- x --><c r=\"A2\"><v>1</v></c>"); // a comment between cells
    List<String> rows = new ArrayList<>();
    rows.add("<row r=\"2\">" + plain + "</row>");
    for (String cell : notPlain) {
      rows.add("<row r=\"2\">" + plain + cell + "</row>");
    }
    for (String row : rows) {
      byte[] xml = bytes(HEAD + "<sheetData>" + row + "</sheetData>" + TAIL);
      int copiedAsIs = assertSameCopy(row, xml, null);
      assertThat(copiedAsIs).as(row).isEqualTo(row.equals(rows.get(0)) ? 1 : 0);
      // a mark in the row, or one an earlier check made, and the row is copied cell by cell
      for (boolean earlier : List.of(false, true)) {
        NavigableMap<Long, CheckedSheet.Mark> marks = new TreeMap<>();
        Set<Long> earlierMarks = new HashSet<>();
        if (earlier) {
          earlierMarks.add(CheckedSheet.key(1, 1));
        } else {
          marks.put(CheckedSheet.key(1, 1), new CheckedSheet.Mark(Severity.QUERY, "a query"));
        }
        CheckedSheet sheet = sheet(marks, Map.of(), earlierMarks);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.copy(new ByteArrayInputStream(xml), out);
        assertThat(sheet.plainRows()).as(row).isZero();
        if (!earlier) {
          assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
              .doesNotContain("<c r=\"B2\" s=\"12\"");
        }
      }
    }
  }

  @Test
  void aSheetTheBytesCannotTakeGoesByEventsAndIsCopiedAlike() throws Exception {
    String prefixed =
        "<x:worksheet xmlns:x=\""
            + MAIN
            + "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\">"
            + "<x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    String latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet xmlns=\""
            + MAIN
            + "\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf\u00e9</t></is></c>"
            + "</row></sheetData></worksheet>";
    String emptyRows = HEAD + "<sheetData/>" + TAIL;
    String otherDefault =
        "<worksheet xmlns=\"urn:other\"><sheetData><row r=\"1\"/></sheetData></worksheet>";
    for (byte[] xml :
        List.of(
            bytes(prefixed),
            latin1.getBytes(StandardCharsets.ISO_8859_1),
            bytes(emptyRows),
            bytes(otherDefault))) {
      assertThat(rowsByBytes(xml)).isFalse();
      assertSameCopy(new String(xml, StandardCharsets.ISO_8859_1), xml, new Random(3));
    }
  }

  @Test
  void rowsLongerThanTheBufferAreCopiedAlike() throws Exception {
    StringBuilder rows = new StringBuilder("<sheetData>");
    for (int r = 1; r <= 3000; r++) {
      rows.append("<row r=\"").append(r).append("\">");
      for (int c = 0; c < 6; c++) {
        rows.append("<c r=\"")
            .append((char) ('A' + c))
            .append(r)
            .append("\" t=\"inlineStr\">")
            .append("<is><t>")
            .append("text ".repeat(1 + (r * 7 + c) % 40))
            .append("</t></is></c>");
      }
      rows.append("</row>");
    }
    rows.append("<row r=\"3001\"><c r=\"A3001\" t=\"inlineStr\"><is><t>")
        .append("long ".repeat(40_000))
        .append("</t></is></c></row></sheetData>");
    byte[] xml = bytes(HEAD + rows + TAIL);
    assertThat(xml.length).isGreaterThan(4 * (1 << 16));
    assertSameCopy("long rows", xml, new Random(11));
    // with no marks every row is copied as it is, those across the buffer's end too
    assertThat(assertSameCopy("long rows, no marks", xml, null)).isEqualTo(3001);
  }

  // ---- the comparison

  /** Returns how many rows the byte copy copied as they were. */
  private static int assertSameCopy(String what, byte[] xml, Random random) throws Exception {
    NavigableMap<Long, CheckedSheet.Mark> marks = new TreeMap<>();
    Map<Long, String> existing = new HashMap<>();
    Set<Long> earlier = new HashSet<>();
    if (random != null) {
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        long key = CheckedSheet.key(random.nextInt(12), random.nextInt(8));
        Severity s = Severity.values()[random.nextInt(3)];
        marks.put(key, new CheckedSheet.Mark(s, "finding " + i));
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        earlier.add(CheckedSheet.key(random.nextInt(12), random.nextInt(8)));
      }
      if (random.nextBoolean()) {
        existing.put(CheckedSheet.key(0, 0), "a comment the service wrote");
      }
    }
    CheckedSheet events = sheet(marks, existing, earlier);
    ByteArrayOutputStream byEvents = new ByteArrayOutputStream();
    events.copyByEvents(new ByteArrayInputStream(xml), byEvents);
    CheckedSheet bytes = sheet(marks, existing, earlier);
    ByteArrayOutputStream byBytes = new ByteArrayOutputStream();
    bytes.copy(new ByteArrayInputStream(xml), byBytes);
    assertThat(events(byBytes.toByteArray())).as(what).isEqualTo(events(byEvents.toByteArray()));
    assertThat(bytes.comments()).as(what).isEqualTo(events.comments());
    assertThat(bytes.formulas()).as(what).isEqualTo(events.formulas());
    // Rows with nothing to change copied as they are: the very same bytes as cell by cell.
    CheckedSheet cellByCell = sheet(marks, existing, earlier).plainRowsAsTheyAre(false);
    ByteArrayOutputStream byCells = new ByteArrayOutputStream();
    cellByCell.copy(new ByteArrayInputStream(xml), byCells);
    assertThat(cellByCell.plainRows()).isZero();
    assertThat(new String(byBytes.toByteArray(), StandardCharsets.UTF_8))
        .as(what)
        .isEqualTo(new String(byCells.toByteArray(), StandardCharsets.UTF_8));
    assertThat(bytes.comments()).as(what).isEqualTo(cellByCell.comments());
    assertThat(bytes.formulas()).as(what).isEqualTo(cellByCell.formulas());
    return bytes.plainRows();
  }

  private static CheckedSheet sheet(
      NavigableMap<Long, CheckedSheet.Mark> marks, Map<Long, String> existing, Set<Long> earlier)
      throws IOException {
    Map<Severity, Short> colours = new EnumMap<>(Severity.class);
    colours.put(Severity.ERROR, (short) 10);
    colours.put(Severity.QUERY, (short) 13);
    colours.put(Severity.NOTICE, (short) 42);
    CheckedStyles styles = new CheckedStyles(null, IssuesSheetWriter.STYLES, colours);
    return new CheckedSheet(marks, existing, earlier, styles);
  }

  private static boolean rowsByBytes(byte[] xml) throws IOException {
    return SheetHead.read(new XmlBytes(new ByteArrayInputStream(xml))).rowsByBytes();
  }

  /** The XML as a list of events: names and attributes by namespace, adjacent text joined. */
  static List<String> events(byte[] xml) throws Exception {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
    List<String> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamReader.CHARACTERS
          || e == XMLStreamReader.CDATA
          || e == XMLStreamReader.SPACE) {
        text.append(r.getText());
        continue;
      }
      if (!text.isEmpty()) {
        out.add("text " + text);
        text.setLength(0);
      }
      if (e == XMLStreamReader.START_ELEMENT) {
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
          attributes.put(
              "{" + r.getAttributeNamespace(i) + "}" + r.getAttributeLocalName(i),
              r.getAttributeValue(i));
        }
        out.add("start {" + r.getNamespaceURI() + "}" + r.getLocalName() + " " + attributes);
      } else if (e == XMLStreamReader.END_ELEMENT) {
        out.add("end " + r.getLocalName());
      } else if (e == XMLStreamReader.COMMENT || e == XMLStreamReader.PROCESSING_INSTRUCTION) {
        out.add("other " + e);
      }
    }
    return out;
  }

  // ---- random sheets

  private static String randomSheet(Random random) {
    StringBuilder b = new StringBuilder(random.nextBoolean() ? HEAD : "\uFEFF" + HEAD);
    b.append("<sheetData>");
    int row = 0;
    int rows = random.nextInt(14);
    for (int i = 0; i < rows; i++) {
      row += 1 + random.nextInt(2);
      boolean withR = random.nextInt(5) > 0;
      b.append("<row").append(withR ? " r=\"" + row + "\"" : "");
      if (!withR) {
        row = i == 0 ? 1 : row; // a row without r follows the one before it
      }
      if (random.nextBoolean()) {
        b.append(" spans=\"1:").append(1 + random.nextInt(8)).append('"');
      }
      if (random.nextBoolean()) {
        b.append(" x14ac:dyDescent=\"0.25\"");
      }
      int cells = random.nextInt(7);
      if (cells == 0 && random.nextBoolean()) {
        b.append("/>");
        continue;
      }
      b.append('>');
      int col = 0;
      for (int j = 0; j < cells; j++) {
        col += 1 + random.nextInt(2);
        b.append(randomCell(random, col, row));
        if (random.nextInt(6) == 0) {
          b.append(random.nextBoolean() ? "\n  " : "<!-- note -->");
        }
      }
      b.append("</row>");
    }
    b.append("</sheetData>");
    return b + TAIL;
  }

  private static String randomCell(Random random, int col, int row) {
    String ref = random.nextInt(6) == 0 ? "" : " r=\"" + (char) ('A' + col - 1) + row + "\"";
    String style =
        switch (random.nextInt(5)) {
          case 0 -> "";
          case 1 -> " s=\"0\"";
          case 2 -> " s=\"0" + random.nextInt(5) + "\"";
          default -> " s=\"" + (1 + random.nextInt(30)) + "\"";
        };
    String formula = random.nextInt(4) == 0 ? "<f>SUM(A1:A" + row + ")&amp;\"\"</f>" : "";
    return switch (random.nextInt(6)) {
      case 0 -> "<c" + ref + style + "/>";
      case 1 ->
          "<c" + ref + style + " t=\"s\">" + formula + "<v>" + random.nextInt(90) + "</v></c>";
      case 2 -> "<c" + ref + style + " t=\"str\">" + formula + "<v>t &lt;" + col + "&gt;</v></c>";
      case 3 -> "<c" + ref + style + " t=\"inlineStr\"><is><t>O&apos;" + row + "</t></is></c>";
      case 4 -> "<c" + ref + style + ">" + formula + "</c>";
      default -> "<c" + ref + style + ">" + formula + "<v>" + random.nextDouble() + "</v></c>";
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
