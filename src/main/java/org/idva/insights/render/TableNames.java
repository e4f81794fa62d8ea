package org.idva.insights.render;

import java.util.regex.Pattern;

/**
 * The Excel name of a table's range: its id, unless the id could be read as a cell reference
 * ({@code ab12}, {@code r1c1}, {@code r}, {@code c}) or starts with a digit, when it is prefixed
 * with {@value #PREFIX}. Characters Excel does not allow in names become {@code _}.
 */
public final class TableNames {
  public static final String PREFIX = "t_";
  private static final Pattern A1 = Pattern.compile("(?i)[a-z]{1,3}[0-9]+");
  private static final Pattern R1C1 = Pattern.compile("(?i)r[0-9]*c?[0-9]*|c[0-9]*");

  private TableNames() {}

  public static String of(String id) {
    String clean = id.replaceAll("[^A-Za-z0-9_.]", "_");
    boolean refLike = A1.matcher(clean).matches() || R1C1.matcher(clean).matches();
    boolean badStart =
        clean.isEmpty() || !Character.isLetter(clean.charAt(0)) && clean.charAt(0) != '_';
    return refLike || badStart ? PREFIX + clean : clean;
  }
}
