package org.idva.insights.validate;

import java.text.Normalizer;
import java.util.Locale;

/** Text folding for tolerant matching of headers and code labels. */
final class Text {
  private Text() {}

  /**
   * Lower case, curly quotes and dashes made plain, accents kept, every run of spaces and
   * punctuation (other than apostrophes) made one space, trimmed: {@code "Don’t Know "} and {@code
   * "don't know"} fold the same.
   */
  static String fold(String s) {
    if (s == null) {
      return "";
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(t.length());
    boolean space = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\u2018' || c == '\u2019' || c == '\u02bc' || c == '`' || c == '\u00b4') {
        c = '\'';
      }
      if (Character.isLetterOrDigit(c) || c == '\'' || c == '+' || c == '<' || c == '>') {
        if (c == '\'') {
          continue;
        }
        b.append(c);
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    return b.substring(0, end);
  }

  /** {@link #fold} without any spaces: {@code "caseref"}. */
  static String squash(String s) {
    return fold(s).replace(" ", "");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
