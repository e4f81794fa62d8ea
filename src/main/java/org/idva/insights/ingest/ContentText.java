package org.idva.insights.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The text of an element's content read from UTF-8 bytes as an XML parser hands it on: the five
 * named references and character references resolved, line ends made {@code \n}, UTF-8 decoded;
 * {@code null} for text a parser would refuse or that holds more than text (see {@link #read}),
 * which the caller leaves to the parser. Part of {@link SheetRowBytes}.
 */
final class ContentText {
  private final byte[] b;
  private final int end;
  private final StringBuilder text = new StringBuilder();
  private int after;

  /** Text in {@code b}, none of it at or past {@code end}. */
  ContentText(byte[] b, int end) {
    this.b = b;
    this.end = end;
  }

  /**
   * The text from {@code from} up to the next {@code <}, as the XML parser hands it on (references
   * resolved, line ends made {@code \n}), {@link #after()} then at that {@code <}; null when the
   * text holds anything else (an unknown reference, a character XML does not allow, {@code ]]>}).
   */
  String read(int from) {
    int p = from;
    while (true) {
      byte c = b[p];
      if (c >= 0x20 && c != '&' && c != '<' && c != '>') {
        p++;
      } else {
        break;
      }
    }
    if (b[p] == '<') {
      after = p;
      return new String(b, from, p - from, StandardCharsets.ISO_8859_1);
    }
    return decode(from);
  }

  /** Where the text last read ends: at its {@code <}. */
  int after() {
    return after;
  }

  /** Text with references, line ends or non-ASCII from {@code from} to the next '<', or null. */
  private String decode(int from) {
    text.setLength(0);
    int p = from;
    while (true) {
      int c = b[p];
      if (c == '<') {
        break;
      }
      if (c >= 0x20 && c != '&' && c != '>') {
        text.append((char) c);
        p++;
      } else if (c == '>') {
        if (p - 2 >= from && b[p - 1] == ']' && b[p - 2] == ']') {
          return null;
        }
        text.append('>');
        p++;
      } else if (c == '\n' || c == '\t') {
        text.append((char) c);
        p++;
      } else if (c == '\r') {
        text.append('\n');
        p++;
        if (b[p] == '\n') {
          p++;
        }
      } else if (c == '&') {
        p = reference(p);
        if (p < 0) {
          return null;
        }
      } else if (c < 0) {
        p = utf8(p);
        if (p < 0) {
          return null;
        }
      } else {
        return null; // a control character
      }
    }
    after = p;
    return text.toString();
  }

  /** A reference at p appended to the text; the position after it, or -1. */
  private int reference(int p) {
    int semi = -1;
    for (int k = p + 1; k < Math.min(end, p + 12); k++) {
      if (b[k] == ';') {
        semi = k;
        break;
      }
    }
    if (semi < 0) {
      return -1;
    }
    String name = new String(b, p + 1, semi - p - 1, StandardCharsets.ISO_8859_1);
    switch (name) {
      case "lt" -> text.append('<');
      case "gt" -> text.append('>');
      case "amp" -> text.append('&');
      case "quot" -> text.append('"');
      case "apos" -> text.append('\'');
      default -> {
        int cp = charReference(name);
        if (!isXmlChar(cp)) {
          return -1;
        }
        text.appendCodePoint(cp);
      }
    }
    return semi + 1;
  }

  private static int charReference(String name) {
    if (name.length() < 2 || name.charAt(0) != '#') {
      return -1;
    }
    boolean hex = name.charAt(1) == 'x';
    String digits = name.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), hex ? 16 : 10);
      if (d < 0 || digits.charAt(i) > 'f') {
        return -1;
      }
      v = v * (hex ? 16 : 10) + d;
    }
    return v;
  }

  static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** A UTF-8 sequence at p appended to the text; the position after it, or -1. */
  private int utf8(int p) {
    int cp = codePoint(p);
    if (cp < 0) {
      return -1;
    }
    text.appendCodePoint(cp);
    return p + (cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }

  /** The position after a well-formed UTF-8 sequence of an XML character at p, or -1. */
  int skipCharacter(int p) {
    int cp = codePoint(p);
    return cp < 0 ? -1 : p + (cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }

  /** The XML character a well-formed, shortest UTF-8 sequence at p encodes, or -1. */
  private int codePoint(int p) {
    int b0 = b[p] & 0xFF;
    int cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      int b1 = b[p + 1] & 0xFF;
      if ((b1 & 0xC0) != 0x80) {
        return -1;
      }
      cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      int b1 = b[p + 1] & 0xFF;
      int b2 = b[p + 2] & 0xFF;
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
        return -1;
      }
      cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp < 0x800) {
        return -1;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      int b1 = b[p + 1] & 0xFF;
      int b2 = b[p + 2] & 0xFF;
      int b3 = b[p + 3] & 0xFF;
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) {
        return -1;
      }
      cp = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
      if (cp < 0x10000) {
        return -1;
      }
    } else {
      return -1;
    }
    return isXmlChar(cp) ? cp : -1;
  }
}
