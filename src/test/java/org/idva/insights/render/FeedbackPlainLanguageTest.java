package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.validate.Check;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a service reads about its return (the Issues sheet, the cell comments, the text and
 * HTML message) is in the service's words: no field id, code-list id or hash, i.e. nothing that
 * {@code grep -E '\b[a-z]+_[a-z_]+\b'} finds. Run over the whole bad-input corpus and a sample
 * return.
 */
class FeedbackPlainLanguageTest {
  static final Pattern INTERNAL_ID = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
  static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{32,}\\b");
  static Schema schema;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    schema = SchemaLoader.loadDefault();
  }

  static Stream<Path> returns() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/returns/invalid"))) {
      s.filter(p -> p.toString().endsWith(".xlsx")).sorted().forEach(files::add);
    }
    files.add(Path.of("input/SVC01_2022-23-Q1.xlsx"));
    return files.stream();
  }

  /** Whether the reader opens the file (the cli sends back the Issues sheet only otherwise). */
  static boolean opens(Path file) throws Exception {
    try (var wb = new org.idva.insights.ingest.WorkbookReader().open(file)) {
      return true;
    } catch (org.idva.insights.model.ReturnReadException e) {
      return false;
    }
  }

  static String title(String code) {
    return Check.ofCode(code).map(Check::title).orElse(code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("returns")
  void feedbackNamesNoInternalId(Path file) throws Exception {
    CheckedReturn checked = Checking.check(schema, file);
    Feedback.Files out =
        new Feedback(FeedbackPlainLanguageTest::title)
            .write(dir, opens(file) ? file : null, checked);
    List<String> texts = new ArrayList<>();
    texts.add(Files.readString(out.text()));
    texts.add(Files.readString(out.html()));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.workbook()))) {
      Sheet issues = wb.getSheet(IssuesSheet.NAME);
      for (Row row : issues) {
        for (Cell cell : row) {
          texts.add(cell.toString());
        }
      }
      for (Sheet sheet : wb) {
        for (Comment c : sheet.getCellComments().values()) {
          if ("Idva Insights checks".equals(c.getAuthor())) {
            texts.add(c.getString().getString());
          }
        }
      }
    }
    for (String text : texts) {
      Matcher m = INTERNAL_ID.matcher(text);
      assertThat(m.find())
          .as("internal id '%s' in: %s", m.hitEnd() ? "" : m.group(), text)
          .isFalse();
      assertThat(HASH.matcher(text).find()).as("a hash in: %s", text).isFalse();
    }
  }

  @org.junit.jupiter.api.Test
  void aFindingNamesItsQuestionAndCaseAndShowsACodedAnswerAsItsLabel() throws Exception {
    CheckedReturn checked =
        Checking.check(
            schema, Path.of("src/test/resources/returns/invalid/30-answer-where-not-asked.xlsx"));
    assertThat(checked.findings())
        .filteredOn(f -> f.code().equals("NOT_APPLICABLE_ANSWER"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.question()).isEqualTo("Disability type");
              assertThat(f.caseRef()).isEqualTo("C001");
              assertThat(f.found()).isEqualTo("Physical");
              assertThat(f.expected()).contains("'Disability' is Yes");
            });
  }
}
