package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCommandTest {
  @Test
  void theFirstNonBlankLineIsTheToken() throws Exception {
    assertThat(new TokenCommand("printf '\\n  eyJ0eXAi.tok  \\nmore\\n'").token())
        .isEqualTo("eyJ0eXAi.tok");
  }

  @Test
  void aFailingCommandSaysSoWithoutItsOutput() {
    assertThatThrownBy(() -> new TokenCommand("echo secret-ish >&2; exit 3").token())
        .hasMessageContaining("exit code 3")
        .hasMessageNotContaining("secret-ish");
    assertThatThrownBy(() -> new TokenCommand("true").token()).hasMessageContaining("no token");
  }
}
