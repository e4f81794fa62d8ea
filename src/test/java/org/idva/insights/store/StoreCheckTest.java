package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every finding code the store emits has a title, and docs/checks.md lists it. */
class StoreCheckTest {
  @Test
  void everyCodeTheStoreEmitsIsCatalogued() throws Exception {
    Pattern finding = Pattern.compile("Severity\\.[A-Z]+,\\s*\"([A-Z_]+)\"");
    List<String> emitted = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/idva/insights/store"))) {
      for (Path f : files.toList()) {
        Matcher m = finding.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          emitted.add(m.group(1));
        }
      }
    }
    assertThat(emitted).isNotEmpty();
    for (String code : emitted) {
      assertThat(StoreCheck.ofCode(code)).as("StoreCheck for %s", code).isPresent();
    }
  }

  @Test
  void docsListEveryStoreCode() throws Exception {
    String doc = Files.readString(Path.of("docs/checks.md"), StandardCharsets.UTF_8);
    for (StoreCheck c : StoreCheck.values()) {
      assertThat(doc).as("docs/checks.md lists %s", c.code()).contains("`" + c.code() + "`");
    }
  }
}
