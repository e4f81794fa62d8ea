package org.idva.insights.validate;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.idva.insights.model.RawCell;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.CodeList;
import org.idva.insights.schema.Field;

/**
 * Turns a raw cell into the value its field's type asks for: dates from Excel serials (1900 and
 * 1904 systems) or UK text, numbers typed as text, code labels to codes (tolerating case, spacing
 * and quotes, and the code list's aliases). A value that does not fit is a {@link Problem}.
 */
final class Values {
  static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
  private static final Pattern TIME_SUFFIX =
      Pattern.compile("[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
              "d/M/uuuu",
              "d/M/uu",
              "d-M-uuuu",
              "d.M.uuuu",
              "d-MMM-uuuu",
              "d MMM uuuu",
              "d-MMM-uu",
              "d MMM uu",
              "d MMMM uuuu",
              "d-MMMM-uuuu",
              "uuuu-M-d",
              "uuuu/M/d")
          .stream()
          .flatMap(
              p ->
                  java.util.stream.Stream.of(Locale.UK, Locale.US)
                      .map(
                          l ->
                              new DateTimeFormatterBuilder()
                                  .parseCaseInsensitive()
                                  .appendPattern(p)
                                  .toFormatter(l)
                                  .withResolverStyle(ResolverStyle.STRICT)))
          .toList();

  /** Why a value could not be used. */
  record Problem(Check check, String expected, String fix) {}

  /** A value read tolerantly, with the label it was read as. */
  record Tolerated(Object value, String readAs) {}

  private final boolean date1904;
  private final Lookups lookups;

  /**
   * What the reading of values needs from the schema, built on first use and then shared by every
   * return a checker reads: each code list's lookup tables and each field's compiled pattern.
   */
  static final class Lookups {
    private final Map<String, CodeLookup> codes = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    CodeLookup codes(CodeList list) {
      return codes.computeIfAbsent(list.id(), k -> new CodeLookup(list));
    }

    Pattern pattern(String regex) {
      return patterns.computeIfAbsent(regex, Pattern::compile);
    }
  }

  Values(boolean date1904) {
    this(date1904, new Lookups());
  }

  Values(boolean date1904, Lookups lookups) {
    this.date1904 = date1904;
    this.lookups = lookups;
  }

  /**
   * The value, a {@link Tolerated} value, or a {@link Problem}. Never null for a non-blank cell.
   */
  Object read(Field field, RawCell cell) {
    return switch (field.type()) {
      case IDENTIFIER, TEXT -> text(field, cell);
      case INTEGER -> integer(field, cell);
      case DECIMAL -> decimal(field, cell);
      case DATE -> date(cell);
      case CODE -> code(field.codeList(), cell);
      case MULTI_CODE -> tick(cell);
    };
  }

  private Object text(Field field, RawCell cell) {
    if (cell.kind() == RawCell.Kind.ERROR) {
      return errorCell(cell);
    }
    String s = cell.text().strip();
    if (field.pattern() != null && !lookups.pattern(field.pattern()).matcher(s).matches()) {
      return new Problem(
          Check.INVALID_IDENTIFIER,
          "a reference made of letters, digits, - _ / (up to 30 characters), never a name",
          "Use your service's own reference for the case or client, as in your case system.");
    }
    return s;
  }

  private static Problem errorCell(RawCell cell) {
    return new Problem(
        Check.TYPE_ERROR,
        "a value, not the spreadsheet error " + cell.text(),
        "Correct the formula or type the value in.");
  }

  private Object integer(Field field, RawCell cell) {
    BigDecimal d = number(cell);
    if (d == null || d.stripTrailingZeros().scale() > 0) {
      return new Problem(
          Check.TYPE_ERROR,
          "a whole number" + range(field),
          "Type a whole number with digits only (no words or units).");
    }
    Problem p = inRange(field, d);
    return p != null ? p : Long.valueOf(d.longValueExact());
  }

  private Object decimal(Field field, RawCell cell) {
    BigDecimal d = number(cell);
    if (d == null) {
      return new Problem(Check.TYPE_ERROR, "a number" + range(field), "Type a number.");
    }
    Problem p = inRange(field, d);
    return p != null ? p : d;
  }

  private static Problem inRange(Field field, BigDecimal d) {
    if ((field.min() != null && d.compareTo(field.min()) < 0)
        || (field.max() != null && d.compareTo(field.max()) > 0)) {
      return new Problem(
          Check.OUT_OF_RANGE,
          "a number" + range(field),
          "Check the number; if it is right, tell the Insights team so the range can be reviewed.");
    }
    return null;
  }

  private static String range(Field field) {
    String unit = field.unit() == null ? "" : " " + field.unit();
    if (field.min() != null && field.max() != null) {
      return " from " + field.min().toPlainString() + " to " + field.max().toPlainString() + unit;
    }
    if (field.min() != null) {
      return " of at least " + field.min().toPlainString() + unit;
    }
    if (field.max() != null) {
      return " of at most " + field.max().toPlainString() + unit;
    }
    return unit;
  }

  private static BigDecimal number(RawCell cell) {
    if (cell.kind() == RawCell.Kind.NUMBER || cell.kind() == RawCell.Kind.TEXT) {
      String s = cell.text().strip().replace(",", "");
      if (s.isEmpty() || s.length() > 40) {
        return null;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  Object date(RawCell cell) {
    LocalDate d = null;
    if (cell.kind() == RawCell.Kind.NUMBER) {
      d = fromSerial(cell.number(), date1904);
    } else if (cell.kind() == RawCell.Kind.TEXT) {
      d = parseDate(cell.text());
      if (d == null) {
        BigDecimal n = number(cell);
        d = n == null ? null : fromSerial(n.doubleValue(), date1904);
      }
    }
    if (d == null) {
      return new Problem(
          Check.TYPE_ERROR,
          "a date such as 31/03/2023",
          "Type the date as dd/mm/yyyy or pick it with Excel's date format.");
    }
    if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
      return new Problem(
          Check.OUT_OF_RANGE,
          "a date between 01/01/2000 and 31/12/2099",
          "Check the year of the date.");
    }
    return d;
  }

  /** An Excel date serial: days since 30/12/1899 (1900 system) or 01/01/1904 (1904 system). */
  static LocalDate fromSerial(double serial, boolean date1904) {
    if (Double.isNaN(serial) || serial < 1 || serial > 2_958_465) {
      return null;
    }
    long days = (long) Math.floor(serial);
    if (date1904) {
      return EPOCH_1904.plusDays(days);
    }
    if (days == 60) {
      return null; // Excel's 29/02/1900, a day that never was
    }
    return days < 60 ? EPOCH_1900.plusDays(days + 1) : EPOCH_1900.plusDays(days);
  }

  /** UK text dates: 31/03/2023, 31-Mar-2023, 31 March 2023, 2023-03-31. */
  static LocalDate parseDate(String text) {
    String s = TIME_SUFFIX.matcher(text.strip()).replaceFirst("").strip();
    if (s.length() < 6 || s.length() > 20) {
      return null;
    }
    for (DateTimeFormatter f : DATE_FORMATS) {
      try {
        LocalDate d = LocalDate.parse(s, f);
        return d.getYear() < 100 ? d.plusYears(2000) : d;
      } catch (DateTimeException e) {
        // try the next form
      }
    }
    return null;
  }

  private Object code(CodeList list, RawCell cell) {
    if (cell.kind() == RawCell.Kind.ERROR) {
      return errorCell(cell);
    }
    CodeLookup lookup = lookups.codes(list);
    String text = cell.text();
    String code = lookup.exact.get(text);
    if (code != null) {
      return code;
    }
    code = lookup.folded.get(Text.squash(text));
    if (code != null) {
      return new Tolerated(code, list.byCode(code).map(Code::label).orElse(code));
    }
    return new Problem(
        Check.CODE_NOT_IN_LIST, lookup.suggest(text), "Pick the answer from the drop-down list.");
  }

  private static Object tick(RawCell cell) {
    String t = cell.text().strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "yes", "y", "x", "true", "1", "\u2713", "\u2714", "ticked" -> {
        return Boolean.TRUE;
      }
      case "no", "n", "false", "0", "" -> {
        return Boolean.FALSE;
      }
      default -> {
        return new Problem(
            Check.TYPE_ERROR,
            "Yes when the option applies, else blank",
            "Type Yes in each option that applies and leave the others blank.");
      }
    }
  }

  /** A code list's labels, codes and aliases, exact and folded. */
  private static final class CodeLookup {
    final Map<String, String> exact = new HashMap<>();
    final Map<String, String> folded = new HashMap<>();
    final CodeList list;

    CodeLookup(CodeList list) {
      this.list = list;
      for (Code c : list.codes()) {
        exact.put(c.label(), c.code());
        folded.putIfAbsent(Text.squash(c.label()), c.code());
      }
      for (Code c : list.codes()) {
        folded.putIfAbsent(Text.squash(c.code()), c.code());
      }
      list.aliases().forEach((alias, code) -> folded.putIfAbsent(Text.squash(alias), code));
    }

    String suggest(String text) {
      String key = Text.fold(text);
      Code best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Code c : list.codes()) {
        int d = Text.distance(key, Text.fold(c.label()));
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      String labels = String.join(" / ", list.labels());
      if (labels.length() > 200) {
        labels = labels.substring(0, 197) + "...";
      }
      if (best != null && bestDistance <= Math.max(3, key.length() / 3)) {
        return "one of the list (did you mean '" + best.label() + "'?): " + labels;
      }
      return "one of the list: " + labels;
    }
  }
}
