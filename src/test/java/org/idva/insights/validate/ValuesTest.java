package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
  @Test
  void excelSerialsInBothDateSystems() {
    assertThat(Values.fromSerial(45016, false)).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(Values.fromSerial(43554, true)).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(Values.fromSerial(45016.75, false)).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(Values.fromSerial(1, false)).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(Values.fromSerial(61, false)).isEqualTo(LocalDate.of(1900, 3, 1));
    assertThat(Values.fromSerial(60, false)).isNull();
    assertThat(Values.fromSerial(0, false)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "31/03/2023|2023-03-31",
        "1/4/2023|2023-04-01",
        "31-Mar-2023|2023-03-31",
        "31-MAR-23|2023-03-31",
        "31 March 2023|2023-03-31",
        "2023-03-31|2023-03-31",
        "2023-03-31 00:00:00|2023-03-31",
        "5 Sept 2022|2022-09-05",
        "5 Sep 2022|2022-09-05"
      })
  void ukTextDates(String text, String iso) {
    assertThat(Values.parseDate(text)).isEqualTo(LocalDate.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({"31/02/2023", "next week", "13/13/2023", "2023"})
  void notDates(String text) {
    assertThat(Values.parseDate(text)).isNull();
  }

  @Test
  void foldingIgnoresCaseSpacingPunctuationAndCurlyQuotes() {
    assertThat(Text.squash("Don\u2019t  KNOW ")).isEqualTo(Text.squash("Don't know"));
    assertThat(Text.squash("Case-ref")).isEqualTo(Text.squash("case ref"));
    assertThat(Text.squash("Level: physical")).isNotEqualTo(Text.squash("Level: sexual"));
  }
}
