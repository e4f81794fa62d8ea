package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private final Schema schema = SchemaLoader.loadDefault();

  @Test
  void committedDictionaryIsCurrent() throws Exception {
    Path committed = Path.of("docs/data-dictionary.md");
    assertThat(committed).as("docs/data-dictionary.md exists").exists();
    String expected = new DataDictionary(schema).render();
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("docs/data-dictionary.md is stale: run `java -jar target/insights.jar dictionary`")
        .isEqualTo(expected);
  }

  @Test
  void everyFieldAndCodeListAppears() {
    String text = new DataDictionary(schema).render();
    for (SheetDefinition sheet : schema.sheets()) {
      assertThat(text).contains("### Sheet \"" + sheet.sheetName() + "\"");
      for (Field f : sheet.fields()) {
        assertThat(text).contains("| `" + f.id() + "` |");
      }
    }
    schema.codeLists().keySet().forEach(id -> assertThat(text).contains("### List `" + id + "`"));
  }
}
