package org.idva.insights.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;
import org.idva.insights.model.CaseData;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * All case data in columns: one {@link SheetColumns} per sheet of the schema, plus the links
 * between sheets. Two sheets link on the service and the key fields they share (every sheet is
 * keyed by {@code case_ref}; incidents and police reports also share {@code report_no}). When
 * several rows of the target sheet match, the link picks the latest by the target sheet's date (the
 * {@code latest_by} of the report manifest), so an exit links to its last review.
 */
public final class CaseColumns {

  private final Schema schema;
  private final Map<String, SheetColumns> sheets = new LinkedHashMap<>();
  private final Map<String, String> latestBy;
  private final Map<String, int[]> links = new ConcurrentHashMap<>();
  private final Map<String, int[]> counts = new ConcurrentHashMap<>();
  private final Map<String, Boolean> many = new ConcurrentHashMap<>();
  private final Map<String, int[]> caseIds = new HashMap<>();
  private int caseCount;
  private final List<String> services = new ArrayList<>();
  private ServiceRows byService;

  private CaseColumns(Schema schema, Map<String, String> latestBy) {
    this.schema = schema;
    this.latestBy = Map.copyOf(latestBy);
  }

  /**
   * Reads every sheet of the schema from the case data into columns.
   *
   * @param latestBy sheet ref to the date field ({@code form.field}) that orders its rows
   */
  public static CaseColumns build(CaseData data, Schema schema, Map<String, String> latestBy) {
    CaseColumns c = new CaseColumns(schema, latestBy);
    Map<String, Integer> serviceIndex = new HashMap<>();
    IdNumbers cases = new IdNumbers(); // service + case ref, on every sheet
    Map<String, IdNumbers> identifiers = new HashMap<>(); // by field id: the other identifiers
    for (SheetDefinition s : schema.sheets()) {
      int expected = data.rowCount(s.ref());
      SheetColumns cols = new SheetColumns(s, c.services, expected < 0 ? 1024 : expected);
      String caseKey = s.key().get(0);
      data.forEachAnswer(
          s.ref(),
          cols.loader(
              service ->
                  serviceIndex.computeIfAbsent(
                      service,
                      k -> {
                        c.services.add(k);
                        return c.services.size() - 1;
                      }),
              field ->
                  field.equals(caseKey)
                      ? cases
                      : identifiers.computeIfAbsent(field, k -> new IdNumbers())));
      cols.trim();
      c.sheets.put(s.ref(), cols);
      // Every row's case as a number (service + case ref, numbered across all sheets while
      // loading), so links between sheets are array lookups; -1 when the row has no case ref.
      c.caseIds.put(s.ref(), cols.identifiers(caseKey));
    }
    c.caseCount = cases.count();
    return c;
  }

  /**
   * The same columns without the links and counts computed for tables so far: what slicing them by
   * service ({@link #forService}) needs, so the links of all services' rows are not kept while each
   * service's own tables are computed.
   */
  public CaseColumns withoutLinks() {
    CaseColumns c = new CaseColumns(schema, latestBy);
    c.sheets.putAll(sheets);
    c.caseIds.putAll(caseIds);
    c.caseCount = caseCount;
    c.services.addAll(services);
    c.byService = serviceRows();
    return c;
  }

  /**
   * One service's rows of every sheet, as if only they had been loaded (same row order, so the same
   * links and the same tables as {@link #build} on that service's data), without reading the data
   * again. The rows of each service are found in one pass over all sheets, the first time any
   * service is asked for; each call then copies only that service's rows, so slicing every service
   * costs as much as one copy of the data, however many services there are.
   */
  public CaseColumns forService(String service) {
    ServiceRows split = serviceRows();
    CaseColumns c = new CaseColumns(schema, latestBy);
    c.services.add(service);
    int s = services.indexOf(service);
    for (Map.Entry<String, SheetColumns> e : sheets.entrySet()) {
      int[] rows = s < 0 ? new int[0] : split.rows.get(e.getKey())[s];
      c.sheets.put(e.getKey(), e.getValue().slice(rows, c.services));
      int[] ids = caseIds.get(e.getKey());
      int[] local = new int[rows.length];
      for (int r = 0; r < rows.length; r++) {
        local[r] = ids[rows[r]] < 0 ? -1 : split.localCase[ids[rows[r]]];
      }
      c.caseIds.put(e.getKey(), local);
    }
    c.caseCount = s < 0 ? 0 : split.caseCounts[s];
    return c;
  }

  /** Per sheet, per service index: its rows; per case: its number within its service. */
  private record ServiceRows(Map<String, int[][]> rows, int[] localCase, int[] caseCounts) {}

  private synchronized ServiceRows serviceRows() {
    if (byService != null) {
      return byService;
    }
    int n = services.size();
    Map<String, int[][]> rows = new HashMap<>();
    int[] localCase = new int[caseCount];
    Arrays.fill(localCase, -1);
    int[] caseCounts = new int[n];
    for (Map.Entry<String, SheetColumns> e : sheets.entrySet()) {
      SheetColumns sheet = e.getValue();
      int[] perService = new int[n];
      for (int i = 0; i < sheet.size(); i++) {
        perService[sheet.service(i)]++;
      }
      int[][] split = new int[n][];
      for (int s = 0; s < n; s++) {
        split[s] = new int[perService[s]];
      }
      int[] filled = new int[n];
      int[] ids = caseIds.get(e.getKey());
      for (int i = 0; i < sheet.size(); i++) {
        int s = sheet.service(i);
        split[s][filled[s]++] = i;
        // Numbered in the order build() meets them on the service's own data.
        if (ids[i] >= 0 && localCase[ids[i]] < 0) {
          localCase[ids[i]] = caseCounts[s]++;
        }
      }
      rows.put(e.getKey(), split);
    }
    byService = new ServiceRows(rows, localCase, caseCounts);
    return byService;
  }

  public Schema schema() {
    return schema;
  }

  public SheetColumns sheet(String ref) {
    SheetColumns s = sheets.get(ref);
    if (s == null) {
      throw new IllegalArgumentException("no sheet " + ref + "; sheets are " + sheets.keySet());
    }
    return s;
  }

  /** The services whose rows are in the data. */
  public List<String> services() {
    return List.copyOf(services);
  }

  /** Total rows over all sheets. */
  public long rowCount() {
    return sheets.values().stream().mapToLong(SheetColumns::size).sum();
  }

  /** For each row of {@code from}, the index of its linked row in {@code to} (-1: none). */
  public int[] link(String from, String to) {
    return links.computeIfAbsent(from + "->" + to, k -> buildLink(from, to));
  }

  /** For each row of {@code from}, how many rows of {@code to} share its key. */
  public int[] count(String from, String to) {
    return counts.computeIfAbsent(from + "->" + to, k -> buildCount(from, to));
  }

  /** True when some row of {@code from} shares its key with more than one row of {@code to}. */
  public boolean manyPerRow(String from, String to) {
    return many.computeIfAbsent(
        from + "->" + to,
        k -> {
          for (int c : count(from, to)) {
            if (c > 1) {
              return true;
            }
          }
          return false;
        });
  }

  private List<String> sharedKey(SheetColumns a, SheetColumns b) {
    List<String> shared = new ArrayList<>();
    for (String k : a.definition().key()) {
      if (b.definition().key().contains(k)) {
        shared.add(k);
      }
    }
    if (shared.isEmpty()) {
      throw new IllegalArgumentException(
          "sheets " + a.ref() + " and " + b.ref() + " share no key field, so cannot be linked");
    }
    return shared;
  }

  /** Every row's case number (service + case ref); -1 when the row has no case ref. */
  int[] caseIds(String ref) {
    int[] ids = caseIds.get(ref);
    if (ids == null) {
      throw new IllegalArgumentException("no sheet " + ref + "; sheets are " + sheets.keySet());
    }
    return ids;
  }

  /** A sheet's first key field: the case reference every form and group row carries. */
  private static String caseKey(SheetColumns s) {
    return s.definition().key().get(0);
  }

  private int caseCount() {
    return caseCount;
  }

  /** The case ref plus any further shared key numbers (report_no) as one long per row. */
  private long[] longKeys(SheetColumns s, List<String> shared) {
    int[] ids = caseIds(s.ref());
    List<IntToDoubleFunction> numbers = new ArrayList<>();
    for (String f : shared) {
      if (!f.equals(caseKey(s))) {
        numbers.add(s.numbers(f));
      }
    }
    long[] keys = new long[s.size()];
    for (int i = 0; i < keys.length; i++) {
      long k = ids[i];
      for (IntToDoubleFunction n : numbers) {
        double v = n.applyAsDouble(i);
        k = k * 4096 + (Double.isNaN(v) ? 4095 : ((long) v & 4095));
      }
      keys[i] = ids[i] < 0 ? -1 : k;
    }
    return keys;
  }

  private int[] buildLink(String fromRef, String toRef) {
    SheetColumns from = sheet(fromRef);
    SheetColumns to = sheet(toRef);
    List<String> shared = sharedKey(from, to);
    int[] order = orderDates(to);
    int[] link = new int[from.size()];
    if (shared.equals(List.of(caseKey(from)))) {
      int[] toIds = caseIds(toRef);
      int[] fromIds = caseIds(fromRef);
      int[] best = new int[caseCount()];
      java.util.Arrays.fill(best, -1);
      for (int j = 0; j < toIds.length; j++) {
        int c = toIds[j];
        if (c >= 0 && (best[c] < 0 || order == null || order[j] >= order[best[c]])) {
          best[c] = j;
        }
      }
      for (int i = 0; i < link.length; i++) {
        link[i] = fromIds[i] < 0 ? -1 : best[fromIds[i]];
      }
      return link;
    }
    long[] toKeys = longKeys(to, shared);
    long[] fromKeys = longKeys(from, shared);
    LongIntHash byKey = new LongIntHash(to.size());
    for (int j = 0; j < toKeys.length; j++) {
      if (toKeys[j] < 0) {
        continue;
      }
      int prev = byKey.get(toKeys[j], -1);
      if (prev < 0 || order == null || order[j] >= order[prev]) {
        byKey.put(toKeys[j], j);
      }
    }
    for (int i = 0; i < link.length; i++) {
      link[i] = fromKeys[i] < 0 ? -1 : byKey.get(fromKeys[i], -1);
    }
    return link;
  }

  private int[] buildCount(String fromRef, String toRef) {
    SheetColumns from = sheet(fromRef);
    SheetColumns to = sheet(toRef);
    List<String> shared = sharedKey(from, to);
    int[] n = new int[from.size()];
    if (shared.equals(List.of(caseKey(from)))) {
      int[] toIds = caseIds(toRef);
      int[] fromIds = caseIds(fromRef);
      int[] perCase = new int[caseCount()];
      for (int c : toIds) {
        if (c >= 0) {
          perCase[c]++;
        }
      }
      for (int i = 0; i < n.length; i++) {
        n[i] = fromIds[i] < 0 ? 0 : perCase[fromIds[i]];
      }
      return n;
    }
    long[] toKeys = longKeys(to, shared);
    long[] fromKeys = longKeys(from, shared);
    LongIntHash byKey = new LongIntHash(to.size());
    for (long k : toKeys) {
      if (k >= 0) {
        byKey.put(k, byKey.get(k, 0) + 1);
      }
    }
    for (int i = 0; i < n.length; i++) {
      n[i] = fromKeys[i] < 0 ? 0 : byKey.get(fromKeys[i], 0);
    }
    return n;
  }

  private int[] orderDates(SheetColumns s) {
    String ref = latestBy.get(s.ref());
    if (ref == null) {
      return null;
    }
    return s.dates(ref.substring(ref.lastIndexOf('.') + 1));
  }
}
