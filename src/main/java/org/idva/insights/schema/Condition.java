package org.idva.insights.schema;

import java.util.List;

/**
 * When a question is asked: the answer to {@code field} is one of {@code codes} (for a multi-select
 * question: at least one of those options is ticked).
 */
public record Condition(String field, List<String> codes) {

  public Condition {
    codes = List.copyOf(codes);
  }

  /** Plain words for feedback and the data dictionary, e.g. {@code disability is Yes}. */
  public String describe(CodeList list) {
    List<String> labels =
        codes.stream()
            .map(c -> list == null ? c : list.byCode(c).map(Code::label).orElse(c))
            .toList();
    return field + (labels.size() == 1 ? " is " : " is one of ") + String.join(" / ", labels);
  }
}
