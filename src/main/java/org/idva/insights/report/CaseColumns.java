package org.idva.insights.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.idva.insights.model.CaseData;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
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
  private final List<String> services = new ArrayList<>();

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
    for (SheetDefinition s : schema.sheets()) {
      SheetColumns cols = new SheetColumns(s, c.services, 1024);
      data.forEachRow(
          s.ref(),
          row ->
              cols.add(
                  row,
                  serviceIndex.computeIfAbsent(
                      row.service(),
                      k -> {
                        c.services.add(k);
                        return c.services.size() - 1;
                      })));
      c.sheets.put(s.ref(), cols);
    }
    return c;
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

  private static String key(SheetColumns s, List<String> fields, int row) {
    StringBuilder k = new StringBuilder().append(s.service(row));
    for (String f : fields) {
      k.append('\u0001');
      Field field = s.field(f);
      if (field.type() == FieldType.INTEGER || field.type() == FieldType.DECIMAL) {
        k.append(s.numbers(f)[row]);
      } else {
        k.append(s.strings(f)[row]);
      }
    }
    return k.toString();
  }

  private int[] buildLink(String fromRef, String toRef) {
    SheetColumns from = sheet(fromRef);
    SheetColumns to = sheet(toRef);
    List<String> shared = sharedKey(from, to);
    int[] order = orderDates(to);
    Map<String, Integer> byKey = new HashMap<>(to.size() * 2);
    for (int j = 0; j < to.size(); j++) {
      String k = key(to, shared, j);
      Integer prev = byKey.get(k);
      if (prev == null || order == null || order[j] >= order[prev]) {
        byKey.put(k, j);
      }
    }
    int[] link = new int[from.size()];
    for (int i = 0; i < from.size(); i++) {
      Integer j = byKey.get(key(from, shared, i));
      link[i] = j == null ? -1 : j;
    }
    return link;
  }

  private int[] buildCount(String fromRef, String toRef) {
    SheetColumns from = sheet(fromRef);
    SheetColumns to = sheet(toRef);
    List<String> shared = sharedKey(from, to);
    Map<String, int[]> byKey = new HashMap<>(to.size() * 2);
    for (int j = 0; j < to.size(); j++) {
      byKey.computeIfAbsent(key(to, shared, j), k -> new int[1])[0]++;
    }
    int[] n = new int[from.size()];
    for (int i = 0; i < from.size(); i++) {
      int[] c = byKey.get(key(from, shared, i));
      n[i] = c == null ? 0 : c[0];
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
