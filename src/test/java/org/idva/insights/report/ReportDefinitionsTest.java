package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.idva.insights.schema.DefinitionException;
import org.idva.insights.schema.DefinitionSource;
import org.junit.jupiter.api.Test;

/** The loader holds the definition language to what docs/schema-format.md says. */
class ReportDefinitionsTest {

  /** The shipped definitions, with one table file's text replaced. */
  private static DefinitionSource withTable(String file, String from, String to) {
    DefinitionSource shipped = DefinitionSource.classpath();
    return new DefinitionSource() {
      @Override
      public Optional<InputStream> open(String relativePath) {
        Optional<InputStream> in = shipped.open(relativePath);
        if (!relativePath.equals("report/tables/" + file + ".json") || in.isEmpty()) {
          return in;
        }
        try (InputStream s = in.get()) {
          String text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
          assertThat(text).contains(from);
          return Optional.of(
              new java.io.ByteArrayInputStream(
                  text.replace(from, to).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public String describe(String relativePath) {
        return shipped.describe(relativePath);
      }
    };
  }

  @Test
  void shippedDefinitionsDeclareTheirBasesAndNoProse() {
    assertThat(Tables.SHIPPED.bases())
        .containsKeys("intake_cases", "unique_clients", "exit_cases", "children", "police_reports");
    for (TableDefinition t : Tables.SHIPPED.tables()) {
      assertThat(t.definition().findValues("expr")).as(t.id()).isEmpty();
    }
  }

  @Test
  void anUnknownRowKeyIsRejectedNamingFileAndKey() {
    DefinitionSource source =
        withTable(
            "service-inputs", "\"label\": \"Total\",", "\"label\": \"Total\", \"expr\": \"x\",");
    assertThatThrownBy(() -> ReportDefinitions.load(source, Tables.SCHEMA))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("service-inputs")
        .hasMessageContaining("expr");
  }

  @Test
  void anUnknownBaseFieldCodeOrSheetIsRejected() {
    assertThatThrownBy(
            () ->
                ReportDefinitions.load(
                    withTable(
                        "service-inputs", "\"base\": \"intake_cases\"", "\"base\": \"cases\""),
                    Tables.SCHEMA))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("base \"cases\"");
    assertThatThrownBy(
            () ->
                ReportDefinitions.load(
                    withTable("case-review", "\"has\": \"review\"", "\"has\": \"reviews\""),
                    Tables.SCHEMA))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("not a sheet");
    assertThatThrownBy(
            () ->
                ReportDefinitions.load(
                    withTable("service-inputs", "\"code\": \"new_client\"", "\"code\": \"new\""),
                    Tables.SCHEMA))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("code \"new\"");
  }

  @Test
  void directorySourcesWork() {
    assertThat(
            ReportDefinitions.load(
                    DefinitionSource.directory(Path.of("src/main/resources")), Tables.SCHEMA)
                .tables())
        .hasSize(130);
  }
}
