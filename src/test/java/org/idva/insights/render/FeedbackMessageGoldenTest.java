package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.idva.insights.fixtures.Checking;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The messages for corpus returns match golden files in {@code src/test/resources/golden/}. After
 * an intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class FeedbackMessageGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"27-code-not-in-list", "37-formula-injection", "07-password-protected"})
  void messageMatchesGolden(String name) throws Exception {
    CheckedReturn checked =
        Checking.check(
            SchemaLoader.loadDefault(),
            Path.of("src/test/resources/returns/invalid", name + ".xlsx"));
    FeedbackMessage.Message m =
        new FeedbackMessage(
                code -> code.charAt(0) + code.substring(1).toLowerCase().replace('_', ' '))
            .render(checked, name + "-checked.xlsx");
    for (String ext : new String[] {"txt", "html"}) {
      Path golden = GOLDEN.resolve(name + "-message." + ext);
      String actual = ext.equals("txt") ? m.text() : m.html();
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(golden, actual);
      }
      assertThat(actual).isEqualTo(Files.readString(golden));
    }
  }
}
