package org.idva.insights.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Random but deterministic case data of any size for benchmarks and engine tests, generated from
 * the schema alone and streamed (nothing is stored): per reporting year and form, a number of rows
 * ({@link #ROWS_AT_SCALE_1} times the scale) spread over nine services; every form row of a year
 * refers to a case opened by an intake of that year, so the links hold; repeating groups get one to
 * three rows per parent row; answers are uniform over each code list with 8% left blank. Not a
 * model of real returns: the calibrated sample is another stage's job.
 */
public final class SyntheticCases implements CaseData {
  /** Form rows per reporting year at scale 1 (the size of the seed report's year). */
  public static final Map<String, Integer> ROWS_AT_SCALE_1 =
      Map.of(
          "intake",
          2332,
          "review",
          245,
          "exit",
          1809,
          "criminal_justice",
          506,
          "civil_justice",
          192);

  private static final int SERVICES = 9;
  private final Schema schema;
  private final long seed;
  private final double scale;
  private final int lastYear;
  private final int years;

  public SyntheticCases(Schema schema, long seed, double scale, int lastYear, int years) {
    this.schema = schema;
    this.seed = seed;
    this.scale = scale;
    this.lastYear = lastYear;
    this.years = years;
  }

  private int rowsPerYear(String form) {
    return (int) Math.round(ROWS_AT_SCALE_1.getOrDefault(form, 100) * scale);
  }

  private String caseRef(int year, int i) {
    return "S" + (i % SERVICES) + "-" + year + "-" + i;
  }

  private LocalDate intakeDate(int year, int i) {
    int n = rowsPerYear("intake");
    return ReportingYear.start(year).plusDays((long) i * 365 / Math.max(n, 1));
  }

  /**
   * The intake case a form row refers to: exits and justice forms the first cases, reviews spread.
   */
  private int caseOf(String form, int j) {
    int n = rowsPerYear("intake");
    return switch (form) {
      case "intake", "exit", "criminal_justice" -> j;
      case "civil_justice" -> (rowsPerYear("criminal_justice") + j) % Math.max(n, 1);
      default -> (int) ((long) j * 7 % Math.max(n, 1));
    };
  }

  @Override
  public void forEachRow(String sheetRef, Consumer<FormRow> action) {
    SheetDefinition sheet = schema.sheet(sheetRef).orElse(null);
    if (sheet == null) {
      return;
    }
    Random random = new Random(seed * 31 + sheetRef.hashCode());
    String file = "synthetic.xlsx";
    int[] rowNo = {1};
    for (int year = lastYear - years + 1; year <= lastYear; year++) {
      String form = sheet.form();
      int n =
          Math.min(
              rowsPerYear(form), form.equals("intake") ? Integer.MAX_VALUE : rowsPerYear("intake"));
      for (int j = 0; j < n; j++) {
        int c = caseOf(form, j);
        LocalDate date = intakeDate(year, c).plusDays(form.equals("intake") ? 0 : 7 + (j % 200));
        if (date.isAfter(ReportingYear.end(lastYear))) {
          date = ReportingYear.end(lastYear); // nothing after the last year
        }
        List<Map<String, Object>> keys = groupKeys(sheet, c, j);
        for (Map<String, Object> key : keys) {
          Map<String, Object> values = new LinkedHashMap<>(key);
          values.put(sheet.key().get(0), caseRef(year, c));
          for (Field f : sheet.fields()) {
            if (!values.containsKey(f.id())) {
              Object v = answer(f, random, date, year, c);
              if (v != null) {
                values.put(f.id(), v);
              }
            }
          }
          String service = "S" + (c % SERVICES);
          action.accept(
              new FormRow(
                  service,
                  sheetRef,
                  new SourceLocation(file, sheet.sheetName(), ++rowNo[0], -1),
                  values));
        }
      }
    }
  }

  /** One empty key for a form row; for a group, one key per group row of the case. */
  private static List<Map<String, Object>> groupKeys(SheetDefinition sheet, int c, int j) {
    if (!sheet.isGroup()) {
      return List.of(Map.of());
    }
    List<String> numbers = sheet.key().subList(1, sheet.key().size());
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    if (sheet.form().equals("intake") && c % 20 >= 11) {
      return out; // about 55% of cases have children
    }
    addKeys(numbers, 0, new HashMap<>(), c + j, out);
    return out;
  }

  private static void addKeys(
      List<String> numbers,
      int level,
      Map<String, Object> prefix,
      int salt,
      List<Map<String, Object>> out) {
    if (level == numbers.size()) {
      out.add(new LinkedHashMap<>(prefix));
      return;
    }
    int count = 1 + Math.floorMod(salt + level, level == 0 ? 3 : 2);
    for (long k = 1; k <= count; k++) {
      prefix.put(numbers.get(level), k);
      addKeys(numbers, level + 1, prefix, salt + (int) k, out);
    }
    prefix.remove(numbers.get(level));
  }

  private Object answer(Field f, Random random, LocalDate date, int year, int c) {
    switch (f.type()) {
      case DATE:
        return date;
      case IDENTIFIER:
        // about 3% of cases are a client's second case in the year
        return "P" + year + "-" + (c - (c % 33 == 32 ? 1 : 0));
      case TEXT:
        return null;
      default:
        break;
    }
    if (random.nextInt(100) < 8) {
      return null;
    }
    switch (f.type()) {
      case CODE:
        {
          List<Code> codes = f.codeList().codes();
          return codes.get(random.nextInt(codes.size())).code();
        }
      case MULTI_CODE:
        {
          List<Code> codes = f.codeList().codes();
          Set<String> ticks = new LinkedHashSet<>();
          int k = 1 + random.nextInt(3);
          for (int i = 0; i < k; i++) {
            ticks.add(codes.get(random.nextInt(codes.size())).code());
          }
          return ticks;
        }
      case INTEGER:
        {
          long min = f.min() == null ? 0 : f.min().longValue();
          long max = f.max() == null ? Math.max(min, 50) : Math.min(f.max().longValue(), min + 400);
          return min + (long) random.nextInt((int) (max - min + 1));
        }
      case DECIMAL:
        return BigDecimal.valueOf(random.nextInt(1000), 1);
      default:
        return null;
    }
  }
}
