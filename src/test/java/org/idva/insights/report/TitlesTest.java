package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.idva.insights.model.TableResult;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

/** Every table is findable by its title: the heading joined to it makes each one distinct. */
class TitlesTest {
  @Test
  void everyTablesFullTitleIsDistinct() {
    Schema schema = SchemaLoader.loadDefault();
    Map<String, String> seen = new LinkedHashMap<>();
    List<String> repeated = new java.util.ArrayList<>();
    for (TableDefinition d : ReportDefinitions.loadDefault(schema).tables()) {
      String title =
          new TableResult(
                  d.id(),
                  d.section(),
                  d.title(),
                  "",
                  List.of(),
                  Map.of(),
                  List.of(),
                  d.definition().path("heading").asText(""),
                  null,
                  Set.of())
              .fullTitle();
      String before = seen.putIfAbsent(title, d.id());
      if (before != null) {
        repeated.add(title + ": " + before + ", " + d.id());
      }
    }
    assertThat(seen).hasSizeGreaterThan(100);
    assertThat(repeated).isEmpty();
    assertThat(seen)
        .containsKeys(
            "Level of abuse: Sexual abuse",
            "Safety: What outcomes were achieved in this support area?");
  }
}
