package org.idva.insights.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.idva.insights.fixtures.Zips;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.ReturnReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level row reader gives exactly what fastexcel-reader gives: the same rows and cells, and
 * the same failure (after the same rows) where fastexcel-reader fails. Proved on every workbook the
 * project holds and on seeded random sheets written every way this reader takes and many it must
 * leave to fastexcel-reader.
 */
class SheetRowBytesTest {

  @TempDir Path dir;

  /** What one reader made of a workbook: its rows by sheet, and the failure if one came. */
  record Outcome(List<List<RawRow>> rows, String failure, long fromBytes) {
    Outcome same() {
      return new Outcome(rows, failure, 0);
    }
  }

  static Outcome read(Path file, boolean byteRows) throws IOException {
    ZipInspector.Inspection inspection =
        new ZipInspector(ReadLimits.DEFAULT).inspect(file, ZipInspector.KEEP_BYTES);
    List<List<RawRow>> all = new ArrayList<>();
    FastexcelWorkbook wb = null;
    try {
      wb = new FastexcelWorkbook(file, inspection.merged(), byteRows ? inspection.parts() : null);
      for (RawSheet s : wb.sheets()) {
        List<RawRow> rows = new ArrayList<>();
        all.add(rows);
        // read the head first and stop, as the checks do, then the whole sheet
        int[] n = {0};
        wb.readRows(s, r -> ++n[0] < 3);
        wb.readRows(s, rows::add);
      }
      return new Outcome(all, null, wb.rowsFromBytes());
    } catch (IOException e) {
      // a damaged sheet (ReturnReadException) or one fastexcel-reader cannot even open
      return new Outcome(
          all,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          wb == null ? 0 : wb.rowsFromBytes());
    } finally {
      if (wb != null) {
        wb.close();
      }
    }
  }

  @Test
  void everyWorkbookTheProjectHoldsReadsTheSameEitherWay() throws IOException {
    List<Path> files;
    try (Stream<Path> a = Files.walk(Path.of("src/test/resources"));
        Stream<Path> b = Files.walk(Path.of("input"))) {
      files = Stream.concat(a, b).filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    long fromBytes = 0;
    long rows = 0;
    for (Path f : files) {
      Outcome fast;
      try {
        fast = read(f, false);
      } catch (ReturnReadException e) {
        continue; // a file the inspection refuses: neither reader sees it
      }
      Outcome bytes = read(f, true);
      assertThat(bytes.same()).as(f.toString()).isEqualTo(fast.same());
      fromBytes += bytes.fromBytes();
      rows += fast.rows().stream().mapToLong(List::size).sum();
    }
    // nearly every row is written plainly, so nearly every row comes from the bytes
    assertThat(rows).isGreaterThan(10_000);
    assertThat(fromBytes).isGreaterThan(rows * 9 / 10);
  }

  @Test
  void randomSheetsReadTheSameEitherWay() throws IOException {
    Random random = new Random(20261206L);
    long fromBytes = 0;
    int failures = 0;
    int fellBack = 0;
    for (int i = 0; i < 400; i++) {
      RandomSheet sheet = new RandomSheet(random);
      Path file = sheet.write(dir.resolve("r" + i + ".xlsx"));
      Outcome fast;
      try {
        fast = read(file, false);
      } catch (ReturnReadException e) {
        continue;
      }
      Outcome bytes = read(file, true);
      assertThat(bytes.same()).as("sheet %d:%n%s", i, sheet.xml).isEqualTo(fast.same());
      fromBytes += bytes.fromBytes();
      failures += fast.failure() != null ? 1 : 0;
      long rows = fast.rows().stream().mapToLong(List::size).sum();
      fellBack += bytes.fromBytes() < rows ? 1 : 0;
    }
    // the generator reaches all three: rows from the bytes, rows left over, and failures
    assertThat(fromBytes).isGreaterThan(2_000);
    assertThat(fellBack).isGreaterThan(50);
    assertThat(failures).isGreaterThan(10);
  }

  @Test
  void numbersAreMadeAsBigDecimalMakesThem() {
    Random random = new Random(7);
    List<String> raws =
        new ArrayList<>(
            List.of("0", "-0", "007", "1", "-1", "123456789012345", "1234567890123456", "0.1"));
    for (int i = 0; i < 2_000; i++) {
      raws.add(Long.toString(random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(18))));
      raws.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
    }
    for (String raw : raws) {
      assertThat(SheetRowBytes.number(raw))
          .as(raw)
          .isEqualTo(new java.math.BigDecimal(raw).doubleValue());
    }
    assertThat(SheetRowBytes.number("1,5")).isNaN();
    assertThat(SheetRowBytes.number("-")).isNaN();
  }

  /** A small workbook whose one sheet is written at random, plainly or not. */
  static final class RandomSheet {
    final Random random;
    final List<String> shared = new ArrayList<>();
    String sharedXml;
    String xml;
    boolean prefixed;

    RandomSheet(Random random) {
      this.random = random;
      int strings = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(6);
      StringBuilder sst = new StringBuilder();
      sst.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
      sst.append(
              "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
          .append(strings)
          .append("\">");
      for (int i = 0; i < strings; i++) {
        switch (random.nextInt(5)) {
          case 0 -> sst.append("<si><t>").append(text()).append("</t></si>");
          case 1 ->
              sst.append("<si><r><t>")
                  .append(text())
                  .append("</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> ")
                  .append(text())
                  .append("</t></r></si>");
          case 2 ->
              sst.append("<si><t>")
                  .append(text())
                  .append("</t><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>");
          case 3 -> sst.append("<si>\n  <t/>\n</si>");
          default -> sst.append("<si><t><![CDATA[").append("a<b").append("]]></t></si>");
        }
      }
      sst.append("</sst>");
      sharedXml = random.nextInt(20) == 0 ? sst.substring(0, sst.length() / 2) : sst.toString();
      prefixed = random.nextInt(15) == 0;
      xml = sheet(strings);
    }

    private String sheet(int strings) {
      StringBuilder x = new StringBuilder();
      if (random.nextInt(10) != 0) {
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
      }
      String p = prefixed ? "x:" : "";
      x.append("<")
          .append(p)
          .append("worksheet xmlns")
          .append(prefixed ? ":x" : "")
          .append(
              "=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                  + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
                  + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">");
      if (random.nextInt(4) == 0) {
        x.append(
            "<dimension ref=\"A1:F30\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
      }
      if (random.nextInt(30) == 0) {
        x.append("<!-- a comment before the data -->");
      }
      x.append("<").append(p).append("sheetData>");
      int rows = random.nextInt(40);
      int r = 0;
      for (int i = 0; i < rows; i++) {
        r += 1 + (random.nextInt(5) == 0 ? random.nextInt(4) : 0);
        row(x, p, r, strings);
        if (random.nextInt(4) == 0) {
          x.append(random.nextBoolean() ? "\n" : "\r\n  ");
        }
      }
      x.append("</").append(p).append("sheetData>");
      if (random.nextInt(20) == 0) {
        x.append("<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>");
      }
      x.append("</").append(p).append("worksheet>");
      return random.nextInt(40) == 0 ? x.substring(0, x.length() * 2 / 3) : x.toString();
    }

    private void row(StringBuilder x, String p, int r, int strings) {
      x.append("<").append(p).append("row");
      if (random.nextInt(300) != 0) {
        x.append(" r=\"").append(random.nextInt(80) == 0 ? "0" + r : r).append("\"");
      }
      if (random.nextBoolean()) {
        x.append(" spans=\"1:6\"");
      }
      if (random.nextInt(3) == 0) {
        x.append(" x14ac:dyDescent=\"0.25\"");
      }
      if (random.nextInt(400) == 0) {
        x.append(" y:ht=\"3\""); // an unbound prefix
      }
      int cells = random.nextInt(7);
      if (cells == 0 && random.nextBoolean()) {
        x.append("/>");
        return;
      }
      x.append(">");
      int col = 0;
      for (int i = 0; i < cells; i++) {
        col += random.nextInt(800) == 0 ? 0 : 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        cell(x, p, r, col, strings);
        if (random.nextInt(6) == 0) {
          x.append(' ');
        }
      }
      x.append("</").append(p).append("row>");
    }

    private void cell(StringBuilder x, String p, int r, int col, int strings) {
      String ref = column(col) + r;
      if (random.nextInt(1000) == 0) {
        ref = ref.toLowerCase();
      }
      x.append("<").append(p).append("c");
      if (random.nextInt(600) != 0) {
        x.append(" r=\"").append(ref).append("\"");
      }
      if (random.nextBoolean()) {
        String[] styles = {"1", "12", "0", "007", "x", "-1"};
        x.append(" s=\"")
            .append(styles[random.nextInt(random.nextInt(200) == 0 ? 6 : 3)])
            .append("\"");
      }
      // mostly the plain kinds (0 to 9, 11), now and then one left to fastexcel-reader
      int kind = random.nextInt(200) == 0 ? 10 + random.nextInt(4) : random.nextInt(11);
      kind = kind == 10 && random.nextInt(50) != 0 ? 11 : kind;
      switch (kind) {
        case 0, 1, 2 -> {
          // a number
          String[] numbers = {
            "1",
            "42",
            "-7",
            "3.5",
            "45017",
            "0.1",
            "1E3",
            "2.5e-3",
            "1234567890123456789",
            "",
            "abc",
            " 5",
            "+4",
            "1.",
            ".5",
            "0x10"
          };
          String v = numbers[random.nextInt(random.nextInt(100) == 0 ? numbers.length : 9)];
          x.append(random.nextBoolean() ? " t=\"n\">" : ">");
          value(x, v);
        }
        case 3, 4, 5 -> {
          // a shared string
          int index = random.nextInt(Math.max(1, strings + (random.nextInt(40) == 0 ? 2 : 0)));
          x.append(" t=\"s\">");
          value(x, random.nextInt(50) == 0 ? "" : Integer.toString(index));
        }
        case 6, 7 -> {
          // inline text
          x.append(" t=\"inlineStr\">");
          switch (random.nextInt(random.nextInt(50) == 0 ? 6 : 3) + 2) {
            case 0, 6 -> x.append("<is><r><t>").append(text()).append("</t></r></is>");
            case 1, 7 -> x.append("<is> <t>").append(text()).append("</t></is>");
            case 2 -> x.append("<is><t xml:space=\"preserve\">").append(text()).append("</t></is>");
            case 3 -> x.append("<is><t/></is>");
            default -> x.append("<is><t>").append(text()).append("</t></is>");
          }
          x.append("</").append(p).append("c>");
        }
        case 8 -> {
          x.append(" t=\"b\">");
          String[] bools = {"0", "1", "", "true", "2"};
          value(x, bools[random.nextInt(random.nextInt(50) == 0 ? 5 : 2)]);
        }
        case 9 -> {
          x.append(" t=\"e\">");
          value(x, random.nextInt(50) == 0 ? "" : "#N/A");
        }
        case 10 -> {
          // a formula, now and then shared or an array
          x.append(random.nextBoolean() ? ">" : " t=\"str\">");
          int f = random.nextInt(4);
          if (f == 0) {
            x.append("<f>SUM(A1:B1)</f>");
          } else if (f == 1) {
            x.append("<f t=\"array\" ref=\"")
                .append(ref)
                .append(":")
                .append(column(col + 1))
                .append(r + 2)
                .append("\">A1*2</f>");
          } else {
            x.append("<f>A1&amp;\"x\"</f>");
          }
          value(x, random.nextBoolean() ? "12" : "text");
        }
        case 11 -> {
          // an empty cell, written one way or another
          x.append(random.nextBoolean() ? "/>" : "></" + p + "c>");
        }
        case 12 -> {
          String[] types = {"d", "x", "inlinestr", "S"};
          x.append(" t=\"").append(types[random.nextInt(types.length)]).append("\">");
          value(x, "1");
        }
        default -> {
          // oddities around a value
          x.append(">");
          switch (random.nextInt(5)) {
            case 0 -> x.append("<v>1</v><v>2</v></").append(p).append("c>");
            case 1 -> x.append("<v><!-- c -->3</v></").append(p).append("c>");
            case 2 -> x.append("<v/></").append(p).append("c>");
            case 3 -> x.append("\n  <v>4</v>\n</").append(p).append("c>");
            default -> x.append("<v><![CDATA[5]]></v></").append(p).append("c>");
          }
        }
      }
    }

    private void value(StringBuilder x, String v) {
      x.append("<v>").append(v).append("</v></").append(prefixed ? "x:" : "").append("c>");
    }

    private String text() {
      String[] parts = {
        "Client",
        " ",
        "café",
        "&amp;",
        "&lt;tag&gt;",
        "&#233;",
        "&#x1F600;",
        "\r\n",
        "\r",
        "\t",
        "line\nbreak",
        "\"q\"",
        "&apos;",
        "日本",
        "😀",
        "a]]b",
        ">",
        "&#13;",
        "x"
      };
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        s.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextInt(300) == 0) {
        s.append(random.nextBoolean() ? "&nbsp;" : "\u0001");
      }
      return s.toString();
    }

    private static String column(int col) {
      StringBuilder s = new StringBuilder();
      for (int c = col + 1; c > 0; c = (c - 1) / 26) {
        s.insert(0, (char) ('A' + (c - 1) % 26));
      }
      return s.toString();
    }

    Path write(Path file) throws IOException {
      Map<String, String> parts = new java.util.LinkedHashMap<>();
      parts.put(
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
              + PartNames.WORKBOOK
              + "\"/><Override PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
              + PartNames.SHARED_STRINGS
              + "\"/></Types>");
      parts.put(
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      parts.put(
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"Clients\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      parts.put(
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/>"
              + "<Relationship Id=\"rId2\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
              + " Target=\"sharedStrings.xml\"/></Relationships>");
      parts.put("xl/worksheets/sheet1.xml", xml);
      parts.put("xl/sharedStrings.xml", sharedXml);
      return Zips.write(file, parts);
    }
  }
}
