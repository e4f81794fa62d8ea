package org.idva.insights.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How large a return may be before it is refused unread, so memory and time stay bounded whatever
 * arrives (zip bombs, a million rows, huge string tables). Each limit is a named setting, a system
 * property {@code insights.limit.<name>} (for example {@code java
 * -Dinsights.limit.rows-per-sheet=50000 -jar insights.jar run}); the defaults and the reasons for
 * them are in {@code docs/checks.md}. A file over a limit gets a {@code FILE_TOO_LARGE} finding
 * naming the limit and its value.
 *
 * @param rowsPerSheet rows with data (a non-blank cell) on one sheet
 * @param partBytes bytes one part of an .xlsx expands to
 * @param totalBytes bytes all parts of an .xlsx expand to together
 * @param ratio how many times its compressed size a part may expand to, once it is past {@code
 *     ratioFloorBytes}
 * @param ratioFloorBytes below this a part may expand by any ratio (blank sheets compress well)
 * @param parts parts (files) in the .xlsx zip
 * @param sheets sheets in a workbook
 * @param sharedStringsBytes bytes the shared strings table expands to (the reader keeps the strings
 *     it reads in memory)
 * @param legacyFileBytes size of a legacy .xls file (read whole into memory)
 */
public record ReadLimits(
    long rowsPerSheet,
    long partBytes,
    long totalBytes,
    double ratio,
    long ratioFloorBytes,
    long parts,
    long sheets,
    long sharedStringsBytes,
    long legacyFileBytes) {

  /** The system property prefix of every limit. */
  public static final String PREFIX = "insights.limit.";

  /** The defaults: far above any real return (the largest sample return has about 1,300 rows). */
  public static final ReadLimits DEFAULT =
      new ReadLimits(
          25_000, 512L << 20, 1L << 30, 400, 64L << 20, 20_000, 1_000, 16L << 20, 16L << 20);

  /** The defaults, each overridden by its system property when set. */
  public static ReadLimits fromSystemProperties() {
    return new ReadLimits(
        number("rows-per-sheet", DEFAULT.rowsPerSheet),
        number("part-bytes", DEFAULT.partBytes),
        number("total-bytes", DEFAULT.totalBytes),
        Double.parseDouble(System.getProperty(PREFIX + "ratio", Double.toString(DEFAULT.ratio))),
        number("ratio-floor-bytes", DEFAULT.ratioFloorBytes),
        number("parts", DEFAULT.parts),
        number("sheets", DEFAULT.sheets),
        number("shared-strings-bytes", DEFAULT.sharedStringsBytes),
        number("legacy-file-bytes", DEFAULT.legacyFileBytes));
  }

  private static long number(String name, long fallback) {
    String value = System.getProperty(PREFIX + name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip().replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Setting " + PREFIX + name + " must be a whole number, not \"" + value + "\"", e);
    }
  }

  /** Every limit by its setting name, with this record's values (for the docs and messages). */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rows-per-sheet", describe(rowsPerSheet));
    m.put("part-bytes", describe(partBytes));
    m.put("total-bytes", describe(totalBytes));
    m.put("ratio", describe((long) ratio));
    m.put("ratio-floor-bytes", describe(ratioFloorBytes));
    m.put("parts", describe(parts));
    m.put("sheets", describe(sheets));
    m.put("shared-strings-bytes", describe(sharedStringsBytes));
    m.put("legacy-file-bytes", describe(legacyFileBytes));
    return m;
  }

  /** "the limit insights.limit.NAME = VALUE", for a finding's message. */
  static String limit(String name, long value) {
    return "limit " + PREFIX + name + " = " + describe(value);
  }

  private static String describe(long value) {
    return String.format("%,d", value);
  }
}
