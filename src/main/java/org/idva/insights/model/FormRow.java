package org.idva.insights.model;

import java.util.Map;

/**
 * One row of a return sheet in the schema's terms: values keyed by field id. Value types by field
 * type: identifier and text → {@code String}; code → the code ({@code String}, not the label);
 * multi_code → {@code java.util.Set<String>} of ticked codes; integer → {@code Long}; decimal →
 * {@code java.math.BigDecimal}; date → {@code java.time.LocalDate}. A blank answer is absent from
 * the map.
 *
 * @param service the service code of the return the row came from
 * @param sheet the sheet's reference, {@code intake} or {@code intake.children}
 */
public record FormRow(
    String service, String sheet, SourceLocation location, Map<String, Object> values) {

  public FormRow {
    values = RowValues.copyOf(values);
  }

  public Object get(String field) {
    return values.get(field);
  }

  public String string(String field) {
    Object v = values.get(field);
    return v == null ? null : v.toString();
  }
}
