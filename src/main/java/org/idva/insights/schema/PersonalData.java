package org.idva.insights.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Words that mark a column as personal data. The schema refuses such fields and the checks flag
 * such columns in a return: they are never stored.
 */
public final class PersonalData {
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile(
              "\\b(first|last|sur|full|given|family|client|victim|perpetrator)?\\s*name\\b"),
          Pattern.compile("\\baddress\\b"),
          Pattern.compile("\\bpost\\s*code\\b"),
          Pattern.compile("\\bdate of birth\\b|\\bdob\\b|\\bbirth\\s*date\\b"),
          Pattern.compile("\\b(tele)?phone\\b|\\bmobile\\b|\\btel\\b"),
          Pattern.compile("\\be\\s*mail\\b"),
          Pattern.compile("\\bnhs\\s*(number|no)\\b|\\bni\\s*(number|no)\\b|national insurance"));

  private PersonalData() {}

  /** The personal-data word a header or id contains, if any. */
  public static Optional<String> check(String... texts) {
    for (String text : texts) {
      String t = text.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
      for (Pattern p : PATTERNS) {
        var m = p.matcher(t);
        if (m.find()) {
          return Optional.of(m.group().trim());
        }
      }
    }
    return Optional.empty();
  }
}
