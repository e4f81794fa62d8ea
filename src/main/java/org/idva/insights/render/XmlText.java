package org.idva.insights.render;

/**
 * XML text as a parser reports it: references decoded and line ends normalised (escaping it again
 * is {@link PackageXml#escape}).
 */
final class XmlText {
  private XmlText() {}

  /** Character data as a parser reports it: references decoded, CR LF and CR read as LF. */
  static String decodeText(String raw) {
    return decode(raw, false);
  }

  /** An attribute value as a parser reports it: also tab, CR and LF read as spaces. */
  static String decodeAttribute(String raw) {
    return decode(raw, true);
  }

  private static String decode(String raw, boolean attribute) {
    if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 && !(attribute && hasWhitespace(raw))) {
      return raw;
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '&') {
        int semi = raw.indexOf(';', i);
        if (semi < 0) {
          throw new IllegalArgumentException("an unfinished reference in " + raw);
        }
        String ref = raw.substring(i + 1, semi);
        b.append(reference(ref));
        i = semi;
      } else if (c == '\r') {
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
          i++;
        }
        b.append(attribute ? ' ' : '\n');
      } else if (attribute && (c == '\n' || c == '\t')) {
        b.append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean hasWhitespace(String raw) {
    return raw.indexOf('\n') >= 0 || raw.indexOf('\t') >= 0;
  }

  private static String reference(String ref) {
    switch (ref) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        break;
    }
    if (ref.startsWith("#x") || ref.startsWith("#X")) {
      return Character.toString(Integer.parseInt(ref.substring(2), 16));
    }
    if (ref.startsWith("#")) {
      return Character.toString(Integer.parseInt(ref.substring(1)));
    }
    throw new IllegalArgumentException("an unknown entity &" + ref + ";");
  }
}
