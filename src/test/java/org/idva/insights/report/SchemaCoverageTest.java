package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves every one of the seed report's 130 tables can be computed from schema fields: each has a
 * definition with its id, every field the definition names exists (checked by the loader), and
 * every printed row and column group is reachable, either as a label of the table's question's code
 * list or as an explicit row of the definition.
 */
class SchemaCoverageTest {
  private static final Set<String> NOT_ANSWERS = Set.of("missing");
  private static Schema schema;
  private static ReportDefinitions definitions;
  private static List<JsonNode> seed;

  @BeforeAll
  static void load() throws IOException {
    schema = SchemaLoader.loadDefault();
    definitions = ReportDefinitions.loadDefault(schema);
    seed = SeedTables.tables();
  }

  @Test
  void seedHas130TablesAndEachHasExactlyOneDefinition() {
    assertThat(seed).hasSize(130);
    Set<String> seedIds = new TreeSet<>();
    seed.forEach(t -> seedIds.add(t.get("id").asText()));
    Set<String> defined = new TreeSet<>();
    definitions.tables().forEach(t -> defined.add(t.id()));
    assertThat(defined).as("table definitions").containsExactlyInAnyOrderElementsOf(seedIds);
  }

  @TestFactory
  Stream<DynamicTest> everyPrintedRowIsReachable() {
    return seed.stream()
        .map(
            table ->
                DynamicTest.dynamicTest(
                    table.get("id").asText(), () -> assertRowsReachable(table)));
  }

  @Test
  void everySheetOfTheReturnFeedsAtLeastOneTable() {
    Set<String> usedSheets = new TreeSet<>();
    definitions
        .tables()
        .forEach(
            t -> {
              t.fieldRefs().forEach(r -> usedSheets.add(r.substring(0, r.lastIndexOf('.'))));
              t.definition()
                  .findValues("base")
                  .forEach(
                      b -> {
                        if (b.isTextual()) {
                          usedSheets.add(definitions.bases().get(b.asText()).get("sheet").asText());
                        }
                      });
            });
    List<String> unused = new ArrayList<>();
    schema
        .sheets()
        .forEach(
            s -> {
              if (!usedSheets.contains(s.ref()) && !s.isGroup()) {
                unused.add(s.ref());
              }
            });
    assertThat(unused).as("form sheets no table reads").isEmpty();
  }

  private static void assertRowsReachable(JsonNode seedTable) {
    String id = seedTable.get("id").asText();
    TableDefinition def =
        definitions
            .table(id)
            .orElseThrow(() -> new AssertionError("no definition for seed table " + id));
    Set<String> reachable = new TreeSet<>(def.rowLabels());
    if (!def.hasExplicitRows()) {
      Field main = schema.field(def.field()).orElseThrow();
      assertThat(main.codeList())
          .as("%s: rows come from %s's code list", id, def.field())
          .isNotNull();
      reachable.addAll(main.codeList().labels());
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode row : seedTable.get("rows")) {
      String kind = row.get("kind").asText();
      String label = row.get("label").asText();
      if (!NOT_ANSWERS.contains(kind) && !reachable.contains(label)) {
        missing.add(label + " (" + kind + ")");
      }
    }
    assertThat(missing).as("%s: seed rows with no definition", id).isEmpty();
    if ((def.measure() == Measure.SINGLE || def.measure() == Measure.MULTI)
        && def.field() != null) {
      Field main = schema.field(def.field()).orElseThrow();
      boolean multi = seedTable.get("multi_select").asBoolean();
      if (main.codeList() != null && !def.hasExplicitRows()) {
        assertThat(main.type().key())
            .as("%s: seed multi_select=%s", id, multi)
            .isEqualTo(multi ? "multi_code" : "code");
      }
    }
  }
}
