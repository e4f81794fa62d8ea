package org.idva.insights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator in memory: deterministic for a seed, 108 returns, slips where documented. */
class SampleGeneratorTest {
  static final long SEED = 7L;
  static Schema schema;
  static List<ReturnContent> first;

  @BeforeAll
  static void generate() {
    System.out.println("SampleGeneratorTest seed " + SEED);
    schema = SchemaLoader.loadDefault();
    first = new SampleGenerator(schema, SEED, 1).replica(0);
  }

  @Test
  void sameSeedSameReturnsOtherSeedOtherReturns() {
    List<ReturnContent> again = new SampleGenerator(schema, SEED, 1).replica(0);
    assertThat(again).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(again.get(i).rows().stream().map(r -> r.values()).toList())
          .isEqualTo(first.get(i).rows().stream().map(r -> r.values()).toList());
    }
    List<ReturnContent> other = new SampleGenerator(schema, SEED + 1, 1).replica(0);
    assertThat(other.get(100).rows().stream().map(r -> r.values()).toList())
        .isNotEqualTo(first.get(100).rows().stream().map(r -> r.values()).toList());
  }

  @Test
  void nineServicesOfDifferentSizesOverTwelveQuarters() {
    assertThat(first).hasSize(108);
    assertThat(first.stream().map(ReturnContent::service).distinct()).hasSize(9);
    assertThat(first.stream().map(ReturnContent::quarter).distinct()).hasSize(12);
    Map<String, Long> intakes =
        first.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    ReturnContent::service,
                    java.util.stream.Collectors.summingLong(
                        r -> r.rows().stream().filter(x -> x.sheet().equals("intake")).count())));
    assertThat(intakes.get("SVC01")).isGreaterThan(3 * intakes.get("SVC09"));
  }

  @Test
  void slipsAreWhereTheReadmeSays() {
    ReturnContent capitals = find("SVC03", 2022, 2);
    assertThat(
            capitals.rows().stream()
                .filter(r -> r.sheet().equals("intake"))
                .map(r -> r.string("referral_route"))
                .filter(v -> v != null)
                .findFirst()
                .orElseThrow())
        .isUpperCase();
    ReturnContent spaces = find("SVC05", 2022, 3);
    assertThat(
            spaces.rows().stream()
                .filter(r -> r.sheet().equals("intake"))
                .map(r -> r.string("sex_at_birth"))
                .filter(v -> v != null)
                .findFirst()
                .orElseThrow())
        .startsWith("  ")
        .endsWith(" ");
    ReturnContent date = find("SVC02", 2022, 4);
    assertThat(
            date.rows().stream()
                .filter(r -> r.sheet().equals("exit"))
                .findFirst()
                .orElseThrow()
                .get("exit_date"))
        .isInstanceOf(String.class);
    assertThat(find("SVC07", 2022, 1).headerSlips()).hasSize(1);
    long clean = first.stream().filter(r -> !r.headerSlips().isEmpty()).count();
    assertThat(clean).isEqualTo(1);
  }

  @Test
  void scaleMultipliesTheServices() {
    SampleGenerator two = new SampleGenerator(schema, SEED, 2);
    assertThat(two.returnCount()).isEqualTo(216);
    assertThat(two.replica(1).stream().map(ReturnContent::service).distinct().sorted().toList())
        .first()
        .isEqualTo("SVC10");
  }

  private static ReturnContent find(String service, int startYear, int quarter) {
    return first.stream()
        .filter(
            r ->
                r.service().equals(service)
                    && r.quarter().startYear() == startYear
                    && r.quarter().quarter() == quarter)
        .findFirst()
        .orElseThrow();
  }
}
