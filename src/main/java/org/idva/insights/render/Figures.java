package org.idva.insights.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.idva.insights.model.TableResult;

/**
 * The computed figures as the narrative templates see them ({@code fig} in the {@code .ftl} files).
 * Every method returns text ready to print, {@value #NONE} when the figure was not computed and
 * {@code c} when it is suppressed, so wording never fails on a missing number. Keys are relative to
 * the reporting year: {@code count}, {@code pct}, {@code value}, {@code per_100}, or a group's
 * {@code Exit.pct}.
 */
public final class Figures {
  /** Printed for a figure that was not computed. */
  public static final String NONE = "–";

  private static final String HEADLINE = "headline_figures";
  private final Map<String, TableResult> tables = new LinkedHashMap<>();
  private final String year;

  Figures(List<TableResult> tables, String reportingYear) {
    tables.forEach(t -> this.tables.put(t.id(), t));
    this.year = reportingYear;
  }

  /** The reporting year's count in a table row, e.g. {@code 1,057}. */
  public String count(String table, String label) {
    return format(raw(table, label, "count"), "count");
  }

  /** The reporting year's % in a table row, e.g. {@code 45%}. */
  public String pct(String table, String label) {
    return format(raw(table, label, "pct"), "pct");
  }

  /**
   * Any reporting-year value: {@code fig.get("level_of_abuse_physical_intake_exit", "None",
   * "Exit.pct")}.
   */
  public String get(String table, String label, String key) {
    String measure = key.substring(key.lastIndexOf('.') + 1);
    return format(raw(table, label, key), measure);
  }

  /** A value of another year: {@code fig.ofYear("referral_route", "Police", "2022.pct")}. */
  public String ofYear(String table, String label, String fullKey) {
    Object v = row(table, label).map(r -> r.values().get(fullKey)).orElse(null);
    return format(v, fullKey.substring(fullKey.lastIndexOf('.') + 1));
  }

  /** The reporting year's base of a table (or of a group, {@code fig.n("t", "Exit")}). */
  public String n(String table) {
    return n(table, null);
  }

  public String n(String table, String group) {
    TableResult t = tables.get(table);
    Long n = t == null ? null : t.n().get(group == null ? year : year + "." + group);
    if (Suppression.suppressedBase(n)) {
      return Suppression.MARK;
    }
    return format(n, "count");
  }

  /** A headline figure by its label: its count, else its per-100, else its value. */
  public String headline(String label) {
    for (String key : List.of("count", "per_100", "value", "pct")) {
      Object v = raw(HEADLINE, label, key);
      if (v != null) {
        return format(v, key);
      }
    }
    return NONE;
  }

  /**
   * Out of 100 people supported: the headline's per-100 figure, else the reporting-year % of the
   * fallback table row (the same thing when its base is everyone supported).
   */
  public String per100(String label, String fallbackTable, String fallbackLabel) {
    Object v = raw(HEADLINE, label, "per_100");
    if (v == null) {
      v = raw(fallbackTable, fallbackLabel, "pct");
    }
    return v == null
        ? NONE
        : v instanceof Number num ? String.valueOf(num.longValue()) : v.toString();
  }

  public String per100(String label) {
    return per100(label, "", "");
  }

  /** Whether a reporting-year figure was computed (and not suppressed). */
  public boolean has(String table, String label, String key) {
    return raw(table, label, key) instanceof Number;
  }

  /** The {@code k} category rows with the highest reporting-year %, largest first. */
  public List<Map<String, String>> top(String table, int k) {
    TableResult t = tables.get(table);
    List<Map<String, String>> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    t.rows().stream()
        .filter(r -> r.kind().equals("category") && r.values().get(year + ".pct") instanceof Number)
        .sorted(
            Comparator.comparingDouble(
                    (TableResult.Row r) -> -((Number) r.values().get(year + ".pct")).doubleValue())
                .thenComparing(TableResult.Row::label))
        .limit(k)
        .forEach(
            r -> {
              Map<String, String> m = new LinkedHashMap<>();
              m.put("label", r.label());
              m.put("pct", format(r.values().get(year + ".pct"), "pct"));
              m.put("count", format(r.values().get(year + ".count"), "count"));
              out.add(m);
            });
    return out;
  }

  public String year() {
    return year;
  }

  private Object raw(String table, String label, String key) {
    return row(table, label).map(r -> r.values().get(year + "." + key)).orElse(null);
  }

  private Optional<TableResult.Row> row(String table, String label) {
    TableResult t = tables.get(table);
    if (t == null) {
      return Optional.empty();
    }
    return t.rows().stream().filter(r -> r.label().equalsIgnoreCase(label)).findFirst();
  }

  static String format(Object v, String measure) {
    if (v == null) {
      return NONE;
    }
    if (!(v instanceof Number num)) {
      return v.toString();
    }
    DecimalFormat f = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
    return measure.equals("pct") ? f.format(num) + "%" : f.format(num);
  }
}
