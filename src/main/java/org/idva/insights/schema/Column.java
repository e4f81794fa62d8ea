package org.idva.insights.schema;

/**
 * One column of a return sheet: a field, or one option of a multi-select field.
 *
 * @param option the option this column ticks, or null for a single-column field
 */
public record Column(Field field, Code option, String header) {

  public boolean isOption() {
    return option != null;
  }
}
