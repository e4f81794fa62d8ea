package org.idva.insights.store;

/**
 * JSON text as Jackson's default generator writes it, appended to a {@code StringBuilder}: a string
 * quoted, with {@code "} and {@code \} escaped by a backslash, the control characters with a short
 * escape ({@code \b \t \n \f \r}) or else {@code \}{@code u00XX} (capital hex digits), and every
 * other character as it is. A string with nothing to escape (the usual answer) is appended whole;
 * only one that has something is written character by character. {@code JsonTextTest} compares it
 * with Jackson on seeded random strings of every kind of character.
 */
final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a JSON string. */
  static void string(StringBuilder b, String s) {
    b.append('"');
    int n = s.length();
    int i = 0;
    while (i < n && !escaped(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      b.append(s);
    } else {
      b.append(s, 0, i);
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (escaped(c)) {
          escape(b, c);
        } else {
          b.append(c);
        }
      }
    }
    b.append('"');
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }

  private static void escape(StringBuilder b, char c) {
    b.append('\\');
    switch (c) {
      case '"', '\\' -> b.append(c);
      case '\b' -> b.append('b');
      case '\t' -> b.append('t');
      case '\n' -> b.append('n');
      case '\f' -> b.append('f');
      case '\r' -> b.append('r');
      default -> b.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }
}
