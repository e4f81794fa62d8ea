package org.idva.insights.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One question of a form: its column header in the return, the question text, its type and the
 * rules its answer must keep.
 *
 * @param codeList the code list for {@link FieldType#CODE} and {@link FieldType#MULTI_CODE}, else
 *     null
 * @param when the condition under which the question is asked, or null when always asked
 * @param pattern a regular expression identifiers and text must match, or null
 */
public record Field(
    String id,
    String header,
    String question,
    FieldType type,
    CodeList codeList,
    boolean required,
    Condition when,
    BigDecimal min,
    BigDecimal max,
    String unit,
    String pattern,
    List<String> aliases) {

  public Field {
    aliases = List.copyOf(aliases);
  }

  public Optional<Condition> condition() {
    return Optional.ofNullable(when);
  }

  public boolean isConditional() {
    return when != null;
  }

  /** The return's column headers for this field: one, or one per option for multi-select. */
  public List<String> columnHeaders() {
    if (type == FieldType.MULTI_CODE) {
      return codeList.codes().stream().map(c -> multiHeader(c)).toList();
    }
    return List.of(header);
  }

  /** The column header of one option of a multi-select question. */
  public String multiHeader(Code option) {
    return header + ": " + option.label();
  }
}
