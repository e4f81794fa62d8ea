package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing dangerous goes back: a run over returns carrying live formulas ({@code =HYPERLINK},
 * {@code =WEBSERVICE}, a link to another workbook), a hyperlink and formula-like text writes a
 * master workbook, service workbooks and feedback messages that hold none of it live. Each output
 * workbook is opened as a zip and with POI: no external-link, macro, OLE or connection part, no
 * external relationship, no formula naming what the returns carried, and every text that starts
 * like a formula is a text cell. The checked copies (written by {@code FeedbackWorkbookWriter}) are
 * left to that writer's own test.
 */
class OutputSafetyTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final Path CORPUS = Path.of("src/test/resources/returns/invalid");
  static final List<String> PAYLOADS =
      List.of("HYPERLINK(", "WEBSERVICE(", "[other.xlsx]", "example.invalid", "+cmd", "@SUM");
  static final Pattern FORMULA = Pattern.compile("<(?:\\w+:)?f\\b[^>]*>([^<]*)</(?:\\w+:)?f>");

  @TempDir Path dir;

  @Test
  void outputsHoldNoFormulaLinkMacroObjectOrConnectionFromTheReturns() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    new TestReturn(SCHEMA, "SVC01", 4)
        .edit(
            wb -> {
              Sheet intake = wb.getSheet("Intake");
              Row row = intake.getRow(1);
              int c = row.getLastCellNum() + 2;
              row.createCell(c).setCellFormula("HYPERLINK(\"http://example.invalid/x\",\"click\")");
              row.createCell(c + 1).setCellFormula("WEBSERVICE(\"http://example.invalid/y\")");
              Cell link = row.createCell(c + 2);
              link.setCellValue("see");
              XSSFHyperlink h =
                  (XSSFHyperlink) wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
              h.setAddress("http://example.invalid/z");
              link.setHyperlink(h);
            })
        .write(input.resolve("SVC01_2022-23-Q1.xlsx"));
    Files.copy(
        CORPUS.resolve("37-formula-injection.xlsx"), input.resolve("37-formula-injection.xlsx"));
    Path output = dir.resolve("output");
    Captured run = Captured.runFolders(input, output, dir.resolve("store.db"));
    assertThat(run.code()).as(run.out()).isIn(0, 1);

    List<Path> workbooks = new ArrayList<>();
    List<Path> messages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".xlsx")
            && !name.endsWith("-checked.xlsx")
            && !p.startsWith(output.resolve("quarantine"))) {
          workbooks.add(p);
        } else if (name.endsWith("-message.txt") || name.endsWith("-message.html")) {
          messages.add(p);
        }
      }
    }
    assertThat(workbooks)
        .as("the master workbook and a workbook per service")
        .anyMatch(p -> p.getFileName().toString().startsWith("Insights-Idva-"))
        .anyMatch(p -> p.getParent().getFileName().toString().equals("services"));
    assertThat(messages).hasSizeGreaterThanOrEqualTo(4);

    for (Path book : workbooks) {
      try (ZipFile zip = new ZipFile(book.toFile())) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          String part = e.nextElement().getName();
          assertThat(part)
              .as(book + ": no external link, macro, OLE object or data connection part")
              .doesNotContain("externalLink", "vbaProject", "embeddings", "oleObject")
              .doesNotContain("connections.xml", "queryTable");
          String xml = text(zip, part);
          if (part.endsWith(".rels")) {
            assertThat(xml).as(book + " " + part).doesNotContain("TargetMode=\"External\"");
          }
          Matcher f = FORMULA.matcher(xml);
          while (f.find()) {
            for (String payload : PAYLOADS) {
              assertThat(f.group(1)).as(book + " " + part + " formula").doesNotContain(payload);
            }
          }
        }
      }
      try (InputStream in = Files.newInputStream(book);
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        for (Sheet sheet : wb) {
          assertThat(sheet.getHyperlinkList())
              .as(book + " " + sheet.getSheetName())
              .allMatch(h -> h.getType() == HyperlinkType.DOCUMENT);
          for (Row row : sheet) {
            for (Cell cell : row) {
              if (cell.getCellType() == CellType.FORMULA) {
                for (String payload : PAYLOADS) {
                  assertThat(cell.getCellFormula()).doesNotContain(payload);
                }
              }
            }
          }
        }
      }
    }

    // the messages quote formula-like text (a leading apostrophe), never leave it bare
    List<String> texts = new ArrayList<>();
    for (Path message : messages) {
      texts.add(Files.readString(message, StandardCharsets.UTF_8));
    }
    assertThat(texts)
        .as("a message shows the injected text")
        .anyMatch(t -> t.contains("=HYPERLINK"));
    for (Path message : messages) {
      String text = Files.readString(message, StandardCharsets.UTF_8);
      for (String payload : List.of("=HYPERLINK", "+cmd", "@SUM")) {
        int at = text.indexOf(payload);
        while (at >= 0) {
          assertThat(at > 0 ? text.substring(Math.max(0, at - 6), at) : "")
              .as(message + ": " + payload + " quoted")
              .containsAnyOf("'", "&#39;", "&#x27;", "&apos;");
          at = text.indexOf(payload, at + 1);
        }
      }
    }
  }

  private static String text(ZipFile zip, ZipEntry entry) throws Exception {
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String text(ZipFile zip, String part) throws Exception {
    return text(zip, zip.getEntry(part));
  }
}
