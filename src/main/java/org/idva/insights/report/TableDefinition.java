package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One report table as defined in {@code report/tables/<section>.json}: its id (the seed report's
 * id), where it sits, which measure computes it, on which base, from which fields.
 *
 * @param field the main field ({@code form.field}), or null when each row names its own
 * @param rowLabels the explicit rows' labels in order; empty when the rows are the main field's
 *     code list
 * @param fieldRefs every field the definition names, anywhere in it
 * @param definition the definition as written, for the tabulation engine
 */
public record TableDefinition(
    String id,
    String section,
    String file,
    String title,
    Measure measure,
    String base,
    String field,
    List<String> rowLabels,
    List<String> fieldRefs,
    JsonNode definition) {

  public TableDefinition {
    rowLabels = List.copyOf(rowLabels);
    fieldRefs = List.copyOf(fieldRefs);
  }

  public Optional<String> mainField() {
    return Optional.ofNullable(field);
  }

  public boolean hasExplicitRows() {
    return !rowLabels.isEmpty();
  }
}
