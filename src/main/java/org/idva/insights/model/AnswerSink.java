package org.idva.insights.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Takes a sheet's rows answer by answer as they are read ({@link CaseData#forEachAnswer}), typed as
 * {@link FormRow} types them but without a map (or a row object) per row: how the report loads the
 * case store into columns. A blank answer has no call; a multi-code answer is one {@link #tick} per
 * ticked code (none: blank).
 */
public interface AnswerSink {

  /** The next row begins, a row of {@code service}: the answers that follow are its own. */
  void row(String service);

  /** An identifier, text or code answer (the code, not its label). */
  void text(String field, String value);

  /** An integer answer. */
  void integer(String field, long value);

  /** A decimal answer. */
  void decimal(String field, BigDecimal value);

  /** A date answer. */
  void date(String field, LocalDate value);

  /** One ticked code of a multi-code answer. */
  void tick(String field, String code);

  /**
   * Hands on one answer of a {@link FormRow}'s values by its type: a collection as ticks, {@code
   * Long} (or another whole number type) as an integer, any other finite number as a decimal, a
   * date as a date, anything else as its text; null as nothing.
   */
  default void answer(String field, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> ticked) {
      for (Object code : ticked) {
        tick(field, code.toString());
      }
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      integer(field, ((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      decimal(field, d);
    } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      decimal(field, new BigDecimal(n.doubleValue())); // exactly the double's value
    } else if (value instanceof LocalDate d) {
      date(field, d);
    } else {
      text(field, value.toString());
    }
  }
}
