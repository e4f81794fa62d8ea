package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/checks.md lists every check of the catalogue with its severity and example. */
class ChecksDocTest {
  @Test
  void everyCheckIsDocumentedWithItsSeverity() throws Exception {
    String doc = Files.readString(Path.of("docs/checks.md"));
    for (Check c : Check.values()) {
      String severity = c.severity().name().toLowerCase(java.util.Locale.ROOT);
      assertThat(doc)
          .as(c.code())
          .contains(
              "| `" + c.code() + "` | " + severity + " | " + (c.rejects() ? "yes" : "no") + " |");
      assertThat(doc).as(c.code() + " example").contains(c.example());
    }
  }
}
