package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.fixtures.InvalidReturnsFixtures;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file of the bad-input corpus gives exactly its expected findings and status. */
class InvalidReturnsTest {
  static final Path CORPUS = Path.of("src/test/resources/returns/invalid");
  static final Schema SCHEMA = SchemaLoader.loadDefault();

  static Stream<Arguments> cases() {
    return new InvalidReturnsFixtures(SCHEMA)
        .cases().stream().map(c -> Arguments.of(c.file(), c.defect(), c.status(), c.expected()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void findsExactlyTheDefect(String file, String defect, ReturnStatus status, List<String> expected)
      throws Exception {
    Path path = CORPUS.resolve(file);
    assertThat(path).exists();
    CheckedReturn checked = Checking.check(SCHEMA, path);
    List<String> found =
        checked.findings().stream()
            .filter(f -> !f.code().equals(Check.FILE_NAME_UNEXPECTED.code()))
            .map(InvalidReturnsTest::describe)
            .toList();
    assertThat(found).as(defect).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(checked.status()).as(defect).isEqualTo(status);
    if (status == ReturnStatus.REJECTED) {
      assertThat(checked.rows()).isEmpty();
    } else {
      assertThat(checked.rows()).isNotEmpty();
    }
    boolean conventional = ReturnFileName.parse(file).isPresent();
    assertThat(checked.findings())
        .extracting(Finding::code)
        .filteredOn(Check.FILE_NAME_UNEXPECTED.code()::equals)
        .hasSize(conventional ? 0 : 1);
    for (Finding f : checked.findings()) {
      assertThat(Check.ofCode(f.code())).isPresent();
      assertThat(f.severity()).isEqualTo(Check.ofCode(f.code()).get().severity());
      assertThat(f.expected()).isNotBlank();
      assertThat(f.fix()).isNotBlank();
      assertThat(f.location().file()).isEqualTo(file);
    }
  }

  @Test
  void theCorpusHasAtLeastThirtyFilesEachListed() throws Exception {
    List<String> listed =
        new InvalidReturnsFixtures(SCHEMA).cases().stream().map(c -> c.file()).toList();
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> present =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();
      assertThat(present).containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(30);
    String readme = Files.readString(CORPUS.resolve("README.md"));
    listed.forEach(n -> assertThat(readme).contains(n));
  }

  static String describe(Finding f) {
    var at = f.location();
    if (at.sheet() == null) {
      return f.code() + "@";
    }
    return f.code() + "@" + at.sheet() + "!" + at.cell();
  }
}
