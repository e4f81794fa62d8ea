package org.idva.insights.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.SourceLocation;

/** A small hand-made case set for tests: rows added sheet by sheet, values as the store gives. */
final class CaseSet implements CaseData {
  private final Map<String, List<FormRow>> rows = new HashMap<>();

  @Override
  public void forEachRow(String sheetRef, Consumer<FormRow> action) {
    rows.getOrDefault(sheetRef, List.of()).forEach(action);
  }

  /** Adds a row; {@code kv} alternates field id and value (null values are left blank). */
  CaseSet row(String sheet, String service, Object... kv) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        values.put((String) kv[i], kv[i + 1]);
      }
    }
    List<FormRow> list = rows.computeIfAbsent(sheet, k -> new ArrayList<>());
    list.add(
        new FormRow(
            service,
            sheet,
            new SourceLocation("test-" + service + ".xlsx", sheet, list.size() + 2, -1),
            values));
    return this;
  }

  /** An intake on the given date for case {@code caseRef} of client {@code clientRef}. */
  CaseSet intake(String service, String caseRef, String clientRef, String date, Object... kv) {
    Object[] all = new Object[kv.length + 6];
    all[0] = "case_ref";
    all[1] = caseRef;
    all[2] = "client_ref";
    all[3] = clientRef;
    all[4] = "intake_date";
    all[5] = LocalDate.parse(date);
    System.arraycopy(kv, 0, all, 6, kv.length);
    return row("intake", service, all);
  }

  CaseSet exit(String service, String caseRef, String date, Object... kv) {
    Object[] all = new Object[kv.length + 4];
    all[0] = "case_ref";
    all[1] = caseRef;
    all[2] = "exit_date";
    all[3] = LocalDate.parse(date);
    System.arraycopy(kv, 0, all, 4, kv.length);
    return row("exit", service, all);
  }

  static Set<String> ticks(String... codes) {
    return Set.of(codes);
  }
}
