package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheLongestAndStartsOverAfterASuccess() {
    Backoff b = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(2));
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      waits.add(b.next());
    }
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            Duration.ofSeconds(120),
            Duration.ofSeconds(120));
    assertThat(b.reset(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(15));
  }
}
