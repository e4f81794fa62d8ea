package org.idva.insights.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.idva.insights.model.RawSheet.CellRange;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zip-safety inspection: DOCTYPE/ENTITY refused wherever the prolog hides them, size limits
 * kept on every part, and merged cells found wherever they fall in the inflated stream.
 */
class ZipInspectorTest {
  @TempDir Path dir;

  private static final String WORKBOOK =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets><sheet name=\"Intake &amp; more\" sheetId=\"1\" r:id=\"rId1\"/>"
          + "<sheet name=\"Exit\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
  private static final String RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
          + "</Relationships>";
  private static final String EMPTY_SHEET =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"main\"><sheetData/></worksheet>";

  private Path zip(Map<String, byte[]> parts) throws IOException {
    Path file = Files.createTempFile(dir, "z", ".xlsx");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> p : parts.entrySet()) {
        out.putNextEntry(new ZipEntry(p.getKey()));
        out.write(p.getValue());
        out.closeEntry();
      }
    }
    return file;
  }

  private Map<String, byte[]> workbook(String sheet1, String sheet2) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types/>"));
    parts.put("xl/workbook.xml", utf8(WORKBOOK));
    parts.put("xl/_rels/workbook.xml.rels", utf8(RELS));
    parts.put("xl/worksheets/sheet1.xml", utf8(sheet1));
    parts.put("xl/worksheets/sheet2.xml", utf8(sheet2));
    return parts;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, List<CellRange>> inspect(Path file) throws ReturnReadException {
    return new ZipInspector(ReadLimits.DEFAULT).inspect(file);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><workbook>&xxe;</workbook>",
        "<?xml version=\"1.0\"?>\n<!doctype workbook><workbook/>",
        "\uFEFF<?xml version=\"1.0\"?><!-- made by hand --><?pi x?> <!DOCTYPE w><w/>",
        "<?xml version=\"1.0\"?><!-- a -- b --><!ENTITY e \"x\"><w/>",
        "<?xml version=\"1.0\"?><?pi has > and ? inside?><!DocType w><w/>"
      })
  void refusesADoctypeOrEntityInTheProlog(String xml) throws Exception {
    Path file = zip(Map.of("xl/workbook.xml", utf8(xml)));
    assertThatThrownBy(() -> inspect(file))
        .isInstanceOfSatisfying(
            ReturnReadException.class,
            e -> assertThat(e.problem()).isEqualTo(ReadProblem.XML_ENTITIES));
  }

  @Test
  void refusesADoctypeInAUtf16Part() throws Exception {
    byte[] xml =
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w [<!ENTITY x \"y\">]><w/>"
            .getBytes(StandardCharsets.UTF_16LE);
    Path file = zip(Map.of("xl/workbook.xml", xml));
    assertThatThrownBy(() -> inspect(file))
        .isInstanceOfSatisfying(
            ReturnReadException.class,
            e -> assertThat(e.problem()).isEqualTo(ReadProblem.XML_ENTITIES));
  }

  @Test
  void acceptsCommentsAndInstructionsBeforeTheRootAndDoctypeTextInData() throws Exception {
    String sheet =
        "<?xml version=\"1.0\"?><!-- <!DOCTYPE in a comment is not a declaration -->"
            + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;!DOCTYPE"
            + " html&gt; and mergeCell ref=\"A1:B1\"</t></is></c></row></sheetData></worksheet>";
    Path file = zip(workbook(sheet, EMPTY_SHEET));
    assertThat(inspect(file)).isEmpty();
  }

  @Test
  void refusesAPartExpandingBeyondTheLimitsEvenWhenNotAWorksheet() throws Exception {
    Map<String, byte[]> parts = workbook(EMPTY_SHEET, EMPTY_SHEET);
    parts.put("docProps/custom.xml", new byte[3 << 20]);
    Path file = zip(parts);
    ReadLimits small =
        new ReadLimits(
            25_000, 2L << 20, 8L << 20, 400, 1L << 20, 20_000, 1_000, 16L << 20, 16L << 20);
    assertThatThrownBy(() -> new ZipInspector(small).inspect(file))
        .isInstanceOfSatisfying(
            ReturnReadException.class,
            e -> assertThat(e.problem()).isEqualTo(ReadProblem.TOO_LARGE));
    assertThat(inspect(file)).isEmpty();
  }

  @Test
  void refusesTwoPartsOfTheSameName() throws Exception {
    Map<String, byte[]> parts = workbook(EMPTY_SHEET, EMPTY_SHEET);
    parts.put("xl/worksheets/sheetX.xml", utf8("<!DOCTYPE w><w/>"));
    byte[] bytes = Files.readAllBytes(zip(parts));
    // Rename sheetX.xml to sheet1.xml in the local header and the central directory.
    byte[] from = utf8("xl/worksheets/sheetX.xml");
    byte[] to = utf8("xl/worksheets/sheet1.xml");
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
      }
    }
    Path file = dir.resolve("duplicate.xlsx");
    Files.write(file, bytes);
    assertThatThrownBy(() -> inspect(file))
        .isInstanceOfSatisfying(
            ReturnReadException.class, e -> assertThat(e.problem()).isEqualTo(ReadProblem.CORRUPT));
  }

  /**
   * Seeded random sheets: merged ranges after sheetData of random length (so the tags fall anywhere
   * around the 64 KiB buffer boundaries), with and without a namespace prefix, with look-alikes in
   * the cell text that must not count.
   */
  @Test
  void findsMergedCellsWhereverTheyFallInTheStream() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("ZipInspectorTest seed " + seed);
    Random random = new Random(seed);
    for (int trial = 0; trial < 40; trial++) {
      String prefix = random.nextBoolean() ? "" : "x:";
      List<CellRange> expected = new ArrayList<>();
      StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\"?>");
      sheet.append('<').append(prefix).append("worksheet><").append(prefix).append("sheetData>");
      int rows = random.nextInt(3000);
      for (int r = 1; r <= rows; r++) {
        sheet.append('<').append(prefix).append("row r=\"").append(r).append("\">");
        sheet.append('<').append(prefix).append("c r=\"A").append(r).append("\" t=\"inlineStr\">");
        String text = random.nextInt(50) == 0 ? "mergeCell ref=&quot;A1:B2&quot;" : "v" + r;
        sheet.append("<is><t>").append(text).append("</t></is></c></row>");
        if (random.nextInt(200) == 0) {
          sheet.append(" ".repeat(random.nextInt(200)));
        }
      }
      sheet.append("</").append(prefix).append("sheetData>");
      int merges = random.nextInt(4);
      if (merges > 0) {
        sheet.append('<').append(prefix).append("mergeCells count=\"").append(merges).append("\">");
        for (int m = 0; m < merges; m++) {
          int r1 = 1 + random.nextInt(100);
          int c1 = random.nextInt(40);
          CellRange range =
              new CellRange(r1, r1 + random.nextInt(3), c1, c1 + 1 + random.nextInt(3));
          expected.add(range);
          sheet
              .append('<')
              .append(prefix)
              .append("mergeCell ref=\"")
              .append(range.describe())
              .append("\"/>");
        }
        sheet.append("</").append(prefix).append("mergeCells>");
      }
      sheet.append("</").append(prefix).append("worksheet>");
      Path file = zip(workbook(EMPTY_SHEET, sheet.toString()));
      Map<String, List<CellRange>> merged = inspect(file);
      if (expected.isEmpty()) {
        assertThat(merged).as("trial %d, seed %d", trial, seed).isEmpty();
      } else {
        assertThat(merged).as("trial %d, seed %d", trial, seed).containsOnlyKeys("Exit");
        assertThat(merged.get("Exit"))
            .as("trial %d, seed %d", trial, seed)
            .containsExactlyElementsOf(new java.util.LinkedHashSet<>(expected));
      }
      Files.delete(file);
    }
  }

  @Test
  void namesSheetsWithEscapedNames() throws Exception {
    String sheet =
        "<worksheet><sheetData/><mergeCells count=\"1\"><mergeCell ref=\"B1:C1\"/>"
            + "</mergeCells></worksheet>";
    Path file = zip(workbook(sheet, EMPTY_SHEET));
    assertThat(inspect(file))
        .isEqualTo(Map.of("Intake & more", List.of(new CellRange(1, 1, 1, 2))));
  }

  @Test
  void aLongPrologIsStillReadToItsEnd() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><!--"
            + "x".repeat(200_000)
            + "-->"
            + " ".repeat(100_000)
            + "<!DOCTYPE w><w/>";
    Path file = zip(Map.of("xl/workbook.xml", utf8(xml)));
    assertThatThrownBy(() -> inspect(file))
        .isInstanceOfSatisfying(
            ReturnReadException.class,
            e -> assertThat(e.problem()).isEqualTo(ReadProblem.XML_ENTITIES));
  }
}
