package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: files done of all, rate and time left; nothing when not on a terminal. */
class ProgressBarTest {

  @Test
  void showsDoneRateAndTimeLeft() {
    long[] now = {0};
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
    try (ProgressBar bar = new ProgressBar(err, 100, true, () -> now[0])) {
      now[0] = 4_000_000_000L;
      bar.step("SVC01_2020-21-Q1.xlsx");
      bar.step("SVC01_2020-21-Q2.xlsx");
      assertThat(bar.line("x")).contains("2/100 0.5/s ETA 3:16");
      now[0] = 4_000_000_000_000L;
      assertThat(bar.line("x")).contains("ETA 54:26:40");
    }
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("[                              ] 2/100 0.5/s ETA 3:16")
        .contains("SVC01_2020-21-Q2.xlsx");
  }

  @Test
  void drawsNothingWhenOutputIsNotATerminal() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ProgressBar bar =
        new ProgressBar(new PrintStream(buf, true, StandardCharsets.UTF_8), 100, false, () -> 0)) {
      bar.step("a");
      bar.clearLine();
    }
    assertThat(buf.size()).isZero();
  }
}
