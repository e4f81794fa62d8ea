package org.idva.insights.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers as data leads really type them match the template's; unmatched ones get a suggestion. */
class HeaderMatcherTest {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final HeaderWords WORDS = new HeaderWords(SCHEMA.headerWords());

  static HeaderMatcher matcher(String sheet) {
    SheetDefinition def =
        SCHEMA.sheets().stream().filter(s -> s.sheetName().equals(sheet)).findFirst().orElseThrow();
    return new HeaderMatcher(def, WORDS);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Intake | No. of children | Number of children",
        "Intake | No of children | Number of children",
        "Intake | NUMBER OF CHILDREN | Number of children",
        "Intake | Number  of   children: | Number of children",
        "Exit | No of contacts | Number of contacts",
        "Intake | Length of abuse (mths) | Length of abuse (months)",
        "Intake | length of abuse - months | Length of abuse (months)",
        "Intake | Visited A & E (12 mths) | Visited A&E (12 months)",
        "Intake | Visited A and E (12 months) | Visited A&E (12 months)",
        "Intake | Case reference | Case ref",
        "Intake | CASE REF. | Case ref",
        "Police reports | Report No. | Report no",
        "Police reports | Report number | Report no",
      })
  void abbreviationsAndSpellingsMatch(String sheet, String typed, String header) {
    assertThat(matcher(sheet).match(typed))
        .as(typed)
        .get()
        .extracting(m -> m.column().header())
        .isEqualTo(header);
  }

  @Test
  void noTwoColumnsOfASheetShareAKey() {
    for (SheetDefinition def : SCHEMA.sheets()) {
      Map<String, String> seen = new HashMap<>();
      for (Column c : def.columns()) {
        String other = seen.put(WORDS.key(c.header()), c.header());
        assertThat(other).as(def.sheetName() + ": " + c.header()).isNull();
      }
    }
  }

  @Test
  void anUnmatchedHeaderGetsTheNearestSuggested() {
    HeaderMatcher intake = matcher("Intake");
    assertThat(intake.match("Clent age")).isEmpty();
    assertThat(intake.nearest("Clent age")).hasValue("Client age");
    assertThat(intake.nearest("Referal rout")).hasValue("Referral route");
  }
}
