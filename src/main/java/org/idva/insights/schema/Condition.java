package org.idva.insights.schema;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * When a question is asked: the answer to {@code field} is one of {@code codes} (for a multi-select
 * question: at least one of those options is ticked), or, for a numeric field, is at least {@code
 * min}.
 *
 * @param codes the codes that make the condition hold (empty for a numeric condition)
 * @param min the smallest number that makes it hold, or null for a coded condition
 */
public record Condition(String field, List<String> codes, BigDecimal min) {

  public Condition {
    codes = List.copyOf(codes);
    if (codes.isEmpty() == (min == null)) {
      throw new IllegalArgumentException("a condition has either codes or a minimum");
    }
  }

  public Condition(String field, List<String> codes) {
    this(field, codes, null);
  }

  public boolean isNumeric() {
    return min != null;
  }

  /**
   * Whether the condition holds for the answer given to {@code field}: a code ({@code String}),
   * ticked codes (a {@code Collection<String>}) or a number. A blank answer (null) never makes it
   * hold.
   */
  public boolean holds(Object answer) {
    if (answer == null) {
      return false;
    }
    if (min != null) {
      return answer instanceof Number n && new BigDecimal(n.toString()).compareTo(min) >= 0;
    }
    if (answer instanceof Collection<?> ticked) {
      return ticked.stream().anyMatch(codes::contains);
    }
    return codes.contains(answer.toString());
  }

  /**
   * Words for the analyst's data dictionary, naming the field by its id: {@code disability is Yes}.
   */
  public String describe(CodeList list) {
    return describe(null, list).replaceFirst("^the question it depends on", field);
  }

  /**
   * Plain words for feedback and the data dictionary, e.g. {@code 'Disability' is Yes}: the
   * question is named by its header (the service's words), never by its field id.
   *
   * @param header the header of the question the condition is on, or null to say "the question it
   *     depends on"
   */
  public String describe(String header, CodeList list) {
    String on = header == null ? "the question it depends on" : "'" + header + "'";
    if (min != null) {
      return on + " is at least " + min.toPlainString();
    }
    List<String> labels =
        codes.stream()
            .map(c -> list == null ? c : list.byCode(c).map(Code::label).orElse(c))
            .toList();
    return on + (labels.size() == 1 ? " is " : " is one of ") + String.join(" / ", labels);
  }
}
