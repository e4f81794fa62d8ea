package org.idva.insights.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private final Condition disabilityYes = new Condition("disability", List.of("yes"));
  private final Condition atLeastOneChild =
      new Condition("children_involved", List.of(), BigDecimal.ONE);

  @Test
  void codedConditionHoldsForListedCodesOnly() {
    assertThat(disabilityYes.holds("yes")).isTrue();
    assertThat(disabilityYes.holds("no")).isFalse();
    assertThat(disabilityYes.holds(null)).isFalse();
  }

  @Test
  void multiSelectConditionHoldsWhenAnyListedOptionIsTicked() {
    Condition anyDa = new Condition("further_abuse", List.of("physical", "sexual"));
    assertThat(anyDa.holds(Set.of("sexual", "other"))).isTrue();
    assertThat(anyDa.holds(Set.of("other"))).isFalse();
    assertThat(anyDa.holds(Set.of())).isFalse();
  }

  @Test
  void numericConditionHoldsFromItsMinimum() {
    assertThat(atLeastOneChild.holds(0L)).isFalse();
    assertThat(atLeastOneChild.holds(1L)).isTrue();
    assertThat(atLeastOneChild.holds(new BigDecimal("3"))).isTrue();
    assertThat(atLeastOneChild.holds("1")).isFalse();
    assertThat(atLeastOneChild.describe(null)).isEqualTo("children_involved is at least 1");
  }

  @Test
  void describesWithLabels() {
    CodeList yesNo =
        new CodeList(
            "yes_no",
            "",
            List.of(new Code("yes", "Yes"), new Code("no", "No")),
            java.util.Map.of());
    assertThat(disabilityYes.describe(yesNo)).isEqualTo("disability is Yes");
  }

  @Test
  void needsCodesOrMinimumButNotBoth() {
    assertThatThrownBy(() -> new Condition("x", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Condition("x", List.of("yes"), BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
