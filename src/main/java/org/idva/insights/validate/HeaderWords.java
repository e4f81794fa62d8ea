package org.idva.insights.validate;

import java.util.Locale;
import java.util.Map;

/**
 * The key a header is matched by: case, spacing and punctuation ignored, and each abbreviation data
 * leads use spelled out as the schema's {@code headerWords} say ({@code No. of children}, {@code No
 * of children} and {@code Number of children} give one key; so do {@code Length of abuse (mths)}
 * and {@code Length of abuse (months)}, {@code A&E} and {@code A and E}).
 */
final class HeaderWords {
  private final Map<String, String> words;

  HeaderWords(Map<String, String> words) {
    this.words = words;
  }

  String key(String header) {
    if (header == null) {
      return "";
    }
    String t = header.toLowerCase(Locale.ROOT);
    // Abbreviations that are punctuation (& #) would be folded away: spell them out first.
    for (Map.Entry<String, String> w : words.entrySet()) {
      String a = w.getKey();
      if (!a.isEmpty() && !Character.isLetterOrDigit(a.charAt(0)) && t.contains(a)) {
        t = t.replace(a, " " + w.getValue() + " ");
      }
    }
    StringBuilder b = new StringBuilder();
    for (String token : Text.fold(t).split(" ")) {
      b.append(words.getOrDefault(token, token).replace(" ", ""));
    }
    return b.toString();
  }
}
