package org.idva.insights.render;

/** Text a spreadsheet might take for a formula (CSV/formula injection). */
public final class InertText {
  private InertText() {}

  /** Whether text starts like a formula: {@code = + - @}, or a tab or carriage return. */
  public static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** Plain text with a leading apostrophe when it looks like a formula, for text outputs. */
  public static String plain(String text) {
    return looksLikeFormula(text) ? "'" + text : text;
  }
}
