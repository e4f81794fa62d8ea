package org.idva.insights.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaLoaderTest {
  @TempDir Path root;

  @BeforeEach
  void copyMinimalDefinitions() throws IOException, URISyntaxException {
    Path minimal = Path.of(getClass().getResource("/definitions/minimal").toURI());
    try (Stream<Path> files = Files.walk(minimal)) {
      for (Path p : files.toList()) {
        Path target = root.resolve(minimal.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void loadsTheMinimalDefinitions() {
    Schema schema = load();
    assertThat(schema.templateVersion()).isEqualTo("test.1");
    assertThat(schema.forms()).extracting(Form::id).containsExactly("intake", "exit");
    Field type = schema.field("intake.disability_type").orElseThrow();
    assertThat(type.type()).isEqualTo(FieldType.MULTI_CODE);
    assertThat(type.when()).isEqualTo(new Condition("disability", java.util.List.of("yes")));
    assertThat(type.columnHeaders())
        .containsExactly("Disability type: Physical", "Disability type: Sensory disability");
    assertThat(schema.field("intake.children.age_band")).isPresent();
    assertThat(schema.field("intake.nothing")).isEmpty();
    assertThat(schema.sheets())
        .extracting(SheetDefinition::sheetName)
        .containsExactly("Intake", "Children", "Exit");
    assertThat(schema.codeLists().get("yes_no_dk").aliases())
        .containsEntry("Dont know", "dont_know");
  }

  static Stream<Arguments> brokenDefinitions() {
    return Stream.of(
        Arguments.of(
            "schema/forms/intake.json",
            "\"codelist\": \"yes_no_dk\"",
            "\"codelist\": \"yes_no_maybe\"",
            "fields[4]",
            "unknown code list \"yes_no_maybe\""),
        Arguments.of(
            "schema/forms/intake.json",
            "\"id\": \"client_age\"",
            "\"id\": \"client_ref\"",
            "fields[3]",
            "field id \"client_ref\" is used twice"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"when\": {\"field\": \"disability\"",
            "\"when\": {\"field\": \"disabled\"",
            "fields[5].when",
            "names field \"disabled\""),
        Arguments.of(
            "schema/forms/intake.json",
            "\"in\": [\"yes\"]",
            "\"in\": [\"si\"]",
            "fields[5].when",
            "condition code \"si\" is not in code list \"yes_no_dk\""),
        Arguments.of(
            "schema/codelists/common.json",
            "{\"id\": \"age_band\"",
            "{\"id\": \"yes_no_dk\"",
            "codelists[2]",
            "is defined twice"),
        Arguments.of(
            "schema/codelists/common.json",
            "{\"code\": \"dont_know\", \"label\": \"Don't know\"}",
            "{\"code\": \"dont_know\", \"label\": \"Missing\"}",
            "codelists[0].codes[2]",
            "a blank answer is reported as Missing"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"type\": \"integer\", \"min\": 16",
            "\"type\": \"number\", \"min\": 16",
            "fields[3]",
            "unknown type \"number\""),
        Arguments.of(
            "schema/forms/intake.json",
            "\"min\": 16, \"max\": 110",
            "\"min\": 110, \"max\": 16",
            "fields[3]",
            "min 110 is greater than max 16"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"header\": \"Client age\"",
            "\"header\": \"Client age\", \"requierd\": true",
            "fields[3].requierd",
            "unknown key \"requierd\""),
        Arguments.of(
            "schema/forms/intake.json",
            "\"id\": \"client_age\", \"header\": \"Client age\"",
            "\"id\": \"client_postcode\", \"header\": \"Client postcode\"",
            "fields[3]",
            "looks like personal data"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"header\": \"Disability\",",
            "\"header\": \"Client  AGE\",",
            "fields[4]",
            "column header \"Client  AGE\" is used twice"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"key\": [\"case_ref\", \"child_no\"]",
            "\"key\": [\"child_no\"]",
            "groups[0]",
            "must include the form's key"),
        Arguments.of(
            "schema/forms/exit.json",
            "\"form\": \"exit\"",
            "\"form\": \"exits\"",
            "form",
            "expected \"exit\" (the file name)"),
        Arguments.of(
            "schema/forms/exit.json",
            "\"sheet\": \"Exit\"",
            "\"sheet\": \"Intake\"",
            "sheet",
            "is used by another form"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"in\": [\"yes\"]",
            "\"min\": 1",
            "fields[5].when",
            "must be an integer or decimal field"),
        Arguments.of(
            "schema/forms/intake.json",
            "\"in\": [\"yes\"]",
            "\"in\": [\"yes\"], \"min\": 1",
            "fields[5].when",
            "give either \"in\""),
        Arguments.of(
            "schema/forms/exit.json",
            "\"title\": \"Exit form\",",
            "\"title\": \"Exit form\",,",
            "line 4",
            "not valid JSON"));
  }

  @ParameterizedTest(name = "{4}")
  @MethodSource("brokenDefinitions")
  void brokenDefinitionNamesFileAndKey(
      String file, String find, String replace, String key, String message) throws IOException {
    Path target = root.resolve(file);
    String text = Files.readString(target, StandardCharsets.UTF_8);
    assertThat(text).as("fixture contains the text to break").contains(find);
    Files.writeString(target, text.replace(find, replace), StandardCharsets.UTF_8);

    assertThatThrownBy(this::load)
        .isInstanceOf(DefinitionException.class)
        .satisfies(
            e -> {
              DefinitionException d = (DefinitionException) e;
              assertThat(d.file()).endsWith(file);
              assertThat(d.key()).startsWith(key);
            })
        .hasMessageContaining(message);
  }

  @Test
  void numericConditionLoads() throws IOException {
    Path intake = root.resolve("schema/forms/intake.json");
    String text = Files.readString(intake, StandardCharsets.UTF_8);
    Files.writeString(
        intake,
        text.replace(
            "\"when\": {\"field\": \"disability\", \"in\": [\"yes\"]}",
            "\"when\": {\"field\": \"client_age\", \"min\": 18}"),
        StandardCharsets.UTF_8);
    Condition when = load().field("intake.disability_type").orElseThrow().when();
    assertThat(when.isNumeric()).isTrue();
    assertThat(when.holds(18L)).isTrue();
    assertThat(when.holds(17L)).isFalse();
  }

  @Test
  void missingFormFileIsNamed() throws IOException {
    Files.delete(root.resolve("schema/forms/exit.json"));
    assertThatThrownBy(this::load)
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("exit.json")
        .hasMessageContaining("file not found");
  }

  private Schema load() {
    return new SchemaLoader(DefinitionSource.directory(root)).load();
  }
}
