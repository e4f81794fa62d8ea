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
  void scaleAddsServicesAndCasesPerService() {
    SampleGenerator hundred = new SampleGenerator(schema, SEED, 100);
    assertThat(hundred.buildsPerGroup()).isEqualTo(10);
    assertThat(hundred.groups()).isEqualTo(10);
    assertThat(hundred.serviceCount()).isEqualTo(90);
    assertThat(hundred.returnCount()).isEqualTo(1080);
    for (int k : new int[] {1, 2, 3, 4, 5, 10, 17, 25, 99, 100, 101}) {
      SampleGenerator g = new SampleGenerator(schema, SEED, k);
      int builds = 0;
      int previousEnd = 0;
      for (int group = 0; group < g.groups(); group++) {
        int[] range = g.buildRange(group);
        assertThat(range[0])
            .as("scale %d group %d starts where the last ended", k, group)
            .isEqualTo(previousEnd);
        assertThat(range[1] - range[0]).isBetween(1, g.buildsPerGroup());
        builds += range[1] - range[0];
        previousEnd = range[1];
      }
      assertThat(builds).as("scale %d makes K builds", k).isEqualTo(k);
    }
    SampleGenerator one = new SampleGenerator(schema, SEED, 1);
    assertThat(one.groups()).isEqualTo(1);
    assertThat(one.buildsPerGroup()).isEqualTo(1);
  }

  @Test
  void scaleTwoDoublesTheCasesOfTheSameNineServices() {
    List<ReturnContent> two = new SampleGenerator(schema, SEED, 2).replica(0);
    assertThat(two).hasSize(108);
    assertThat(two.stream().map(ReturnContent::service).distinct()).hasSize(9);
    long rowsOne = first.stream().mapToLong(r -> r.rows().size()).sum();
    long rowsTwo = two.stream().mapToLong(r -> r.rows().size()).sum();
    assertThat((double) rowsTwo / rowsOne).isBetween(1.9, 2.1);
    Map<String, Long> intakesOne = intakesPerService(first);
    Map<String, Long> intakesTwo = intakesPerService(two);
    intakesOne.forEach(
        (service, n) ->
            assertThat((double) intakesTwo.get(service) / n)
                .as("intakes of %s at scale 2 / scale 1", service)
                .isBetween(1.6, 2.4));
    // every case ref is one case: unique per service over all intake rows of all returns
    java.util.Set<String> refs = new java.util.HashSet<>();
    long intakeRows = 0;
    for (ReturnContent r : two) {
      for (var row : r.rows()) {
        if (row.sheet().equals("intake")) {
          intakeRows++;
          refs.add(r.service() + "/" + row.string("case_ref"));
        }
      }
    }
    assertThat(refs).hasSize((int) intakeRows);
  }

  @Test
  void laterSetsReplayTheFirstSetsBuildsUnderTheirOwnCodesWhateverTheThreads() {
    List<ReturnContent> three = new java.util.ArrayList<>();
    new SampleGenerator(schema, SEED, 3).threads(2).generate(three::add);
    assertThat(three).hasSize(216);
    // the first set (two builds) is what a serial calibration of scale 2 makes, byte for byte
    List<ReturnContent> serial = new SampleGenerator(schema, SEED, 2).threads(1).replica(0);
    for (int i = 0; i < serial.size(); i++) {
      assertThat(three.get(i).fileName()).isEqualTo(serial.get(i).fileName());
      assertThat(three.get(i).rows()).as(serial.get(i).fileName()).isEqualTo(serial.get(i).rows());
    }
    // the second set (one build) is services SVC10 to SVC18 replaying the first build
    Map<String, java.util.Set<String>> firstRefs = new java.util.HashMap<>();
    Map<String, java.util.Set<String>> replayRefs = new java.util.HashMap<>();
    for (ReturnContent r : three) {
      int n = Integer.parseInt(r.service().substring(3));
      String as = n > 9 ? Services.code(n - 9) : r.service();
      for (var row : r.rows()) {
        if (row.sheet().equals("intake")) {
          assertThat(n <= 9 || !row.string("case_ref").startsWith(as))
              .as("%s writes its own code in %s", r.service(), row.string("case_ref"))
              .isTrue();
          String ref = Services.recode(row.string("case_ref"), r.service(), as);
          boolean added =
              (n > 9 ? replayRefs : firstRefs)
                  .computeIfAbsent(as, k -> new java.util.HashSet<>())
                  .add(ref);
          assertThat(added).as("case ref %s of %s is one case", ref, r.service()).isTrue();
        }
      }
    }
    assertThat(replayRefs.keySet()).hasSize(9);
    replayRefs.forEach(
        (service, refs) -> {
          assertThat(firstRefs.get(service)).containsAll(refs);
          assertThat(refs.size()).isLessThan(firstRefs.get(service).size());
        });
    assertThat(three.get(108).service()).isEqualTo("SVC10");
    assertThat(three.get(108).contact()).contains("SVC10");
  }

  private static Map<String, Long> intakesPerService(List<ReturnContent> returns) {
    return returns.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                ReturnContent::service,
                java.util.stream.Collectors.summingLong(
                    r -> r.rows().stream().filter(x -> x.sheet().equals("intake")).count())));
  }

  @Test
  void scaleOneIsTheSingleCalibratedBuildUnchanged() {
    List<ReturnContent> legacy = LegacyReplica.returns(schema, SEED);
    List<ReturnContent> streamed = new java.util.ArrayList<>();
    new SampleGenerator(schema, SEED, 1).generate(streamed::add);
    assertThat(streamed).hasSameSizeAs(legacy);
    for (int i = 0; i < legacy.size(); i++) {
      ReturnContent a = legacy.get(i);
      ReturnContent b = streamed.get(i);
      assertThat(b.fileName()).isEqualTo(a.fileName());
      assertThat(b.contact()).isEqualTo(a.contact());
      assertThat(b.headerSlips()).isEqualTo(a.headerSlips());
      assertThat(b.rows()).as(a.fileName()).isEqualTo(a.rows());
    }
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
