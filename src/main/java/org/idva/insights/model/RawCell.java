package org.idva.insights.model;

/**
 * One non-empty cell of a return as the reader found it, before any schema rule: the reader hands
 * these to the checks. Formula cells arrive as their cached value.
 *
 * @param column 0-based column index
 * @param kind what the cell held
 * @param text the cell's text: a string as typed, a number as plain digits ({@code 45017}, {@code
 *     3.5}), TRUE/FALSE, or an error such as {@code #N/A}
 * @param number the numeric value for {@link Kind#NUMBER}, else 0
 */
public record RawCell(int column, Kind kind, String text, double number) {

  /** What a cell held. */
  public enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    ERROR
  }

  public static RawCell text(int column, String text) {
    return new RawCell(column, Kind.TEXT, text, 0);
  }

  public static RawCell number(int column, double value, String text) {
    return new RawCell(column, Kind.NUMBER, text, value);
  }

  /** Whether the cell holds nothing but spaces. */
  public boolean isBlank() {
    return text == null || text.isBlank();
  }
}
