package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored dates read back by the fast path exactly as {@link LocalDate#parse} reads them. */
class RowCodecDateTest {
  @Test
  void readsEveryStoredDateAsParseDoes() {
    long seed = 20231;
    System.out.println("RowCodecDateTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextInt(80_000) - 10_000);
      assertThat(RowCodec.isoDate(date.toString())).isEqualTo(date);
    }
  }

  @Test
  void otherShapesFailAsParseDoes() {
    assertThat(RowCodec.isoDate("+12345-01-02")).isEqualTo(LocalDate.parse("+12345-01-02"));
    assertThatThrownBy(() -> RowCodec.isoDate("2023-02-30")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> RowCodec.isoDate("2023-1-301")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> RowCodec.isoDate("31/01/2023")).isInstanceOf(DateTimeException.class);
  }
}
