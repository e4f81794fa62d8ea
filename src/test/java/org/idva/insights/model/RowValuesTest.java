package org.idva.insights.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RowValues} behaves as the {@code LinkedHashMap} it replaces, read only. */
class RowValuesTest {

  @Test
  void randomRowsReadAsTheirLinkedHashMaps() {
    Random random = new Random(42);
    // "Aa" and "BB" share a hash code, as do "AaAa", "BBBB", "AaBB" and "BBAa"
    List<String> names =
        new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "case_ref", ""));
    for (int i = 0; i < 120; i++) {
      names.add("field_" + i);
    }
    for (int round = 0; round < 2_000; round++) {
      Map<String, Object> expected = new LinkedHashMap<>();
      int n = random.nextInt(random.nextInt(10) == 0 ? names.size() : 40);
      for (int i = 0; i < n; i++) {
        String key = names.get(random.nextInt(names.size()));
        expected.put(key, random.nextInt(20) == 0 ? null : "v" + random.nextInt(1000));
      }
      RowValues actual = RowValues.copyOf(expected);
      assertThat(actual).isEqualTo(expected);
      assertThat(expected).isEqualTo(actual);
      assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
      assertThat(actual.toString()).isEqualTo(expected.toString());
      assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
      assertThat(new ArrayList<>(actual.values())).isEqualTo(new ArrayList<>(expected.values()));
      assertThat(actual.size()).isEqualTo(expected.size());
      assertThat(actual.isEmpty()).isEqualTo(expected.isEmpty());
      List<String> seen = new ArrayList<>();
      actual.forEach((k, v) -> seen.add(k + "=" + v));
      List<String> wanted = new ArrayList<>();
      expected.forEach((k, v) -> wanted.add(k + "=" + v));
      assertThat(seen).isEqualTo(wanted);
      for (String key : names) {
        assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
        assertThat(actual.containsKey(key)).as(key).isEqualTo(expected.containsKey(key));
      }
      assertThat(actual.get("absent")).isNull();
      assertThat(actual.get(7)).isNull();
      assertThat(RowValues.copyOf(actual)).isSameAs(actual);
    }
  }

  @Test
  void isReadOnly() {
    RowValues v = RowValues.copyOf(Map.of("a", "1"));
    assertThatThrownBy(() -> v.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> v.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> v.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(v::clear).isInstanceOf(UnsupportedOperationException.class);
  }
}
