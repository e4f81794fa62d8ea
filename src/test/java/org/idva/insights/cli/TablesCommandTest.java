package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.SourceLocation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TablesCommandTest {

  /** Three intakes in 2023 (high risk yes, yes, no) and one in 2022. */
  private static final CaseData DATA =
      (sheet, action) -> {
        if (sheet.equals("intake")) {
          String[][] rows = {
            {"K1", "2022-05-01", "yes"}, {"K2", "2022-06-01", "yes"},
            {"K3", "2023-01-01", "no"}, {"K4", "2021-06-01", "no"}
          };
          for (String[] r : rows) {
            action.accept(
                new FormRow(
                    "S1",
                    "intake",
                    new SourceLocation("t.xlsx", "Intake", 2, -1),
                    Map.of(
                        "case_ref",
                        r[0],
                        "client_ref",
                        "C" + r[0],
                        "intake_date",
                        LocalDate.parse(r[1]),
                        "high_risk",
                        r[2])));
          }
        }
      };

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new TablesCommand(() -> DATA)).execute(args);
      assertThat(code).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonHasTheSeedShapeForTheLatestYear() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "--table", "high_risk"));
    assertThat(json.get("reporting_year").asText()).isEqualTo("2023");
    JsonNode t = json.get("tables").get(0);
    assertThat(t.get("id").asText()).isEqualTo("high_risk");
    assertThat(t.get("n").get("2023").asLong()).isEqualTo(3);
    JsonNode yes = t.get("rows").get(0);
    assertThat(yes.get("label").asText()).isEqualTo("Yes");
    assertThat(yes.get("values").get("2023.count").asLong()).isEqualTo(2);
    assertThat(yes.get("values").get("2023.pct").asInt()).isEqualTo(67);
    assertThat(yes.get("values").get("2022.pct").asInt()).isZero();
    assertThat(t.get("columns").get(0).get("key").asText()).isEqualTo("2023.count");
  }

  @Test
  void twoRunsGiveTheSameTextAndAnEarlierYearCanBeAsked() {
    String a = run("--table", "high_risk", "marac_discussed");
    assertThat(a).isEqualTo(run("--table", "high_risk", "marac_discussed"));
    assertThat(a).contains("high_risk - High risk?").contains("marac_discussed");
    String y2022 = run("--year", "2022", "--table", "high_risk");
    assertThat(y2022).contains("2022.count").doesNotContain("2023.count");
    assertThat(List.of(y2022.split("\n"))).anyMatch(l -> l.startsWith("No ") && l.contains(" 1 "));
  }
}
