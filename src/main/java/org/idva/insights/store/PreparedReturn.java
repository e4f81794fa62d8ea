package org.idva.insights.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.SheetDefinition;

/**
 * A checked return's rows made ready for the store ({@link CaseStore#prepare}): each row's sheet,
 * case and client reference and its values as the store keeps them, and the store's notes on rows
 * it will not keep. Nothing here depends on what the store holds, so it is done on the return's own
 * thread, outside the store's write transaction (which holds the store one return at a time); the
 * transaction then only classifies the rows against the stored intakes and writes them. The notes
 * are replayed in row order when the rows are stored, so the findings are those, in the order, of
 * doing it all inside the transaction.
 */
public final class PreparedReturn {
  private final CaseStore store;
  private final CheckedReturn checked;
  private final List<Row> rows;

  private PreparedReturn(CaseStore store, CheckedReturn checked, List<Row> rows) {
    this.store = store;
    this.checked = checked;
    this.rows = rows;
  }

  /** The store that prepared it: its sheets and encodings are in the rows. */
  CaseStore store() {
    return store;
  }

  CheckedReturn checked() {
    return checked;
  }

  /**
   * The rows in the return's order, each with the notes made on it; none for a rejected return or
   * one without a quarter, whose rows are never stored.
   */
  List<Row> rows() {
    return rows;
  }

  /**
   * One row of the return: the notes on it, in order, and the row to store (null when it is not
   * stored: on a sheet the store does not keep, for another service or without a case reference).
   */
  record Row(List<Consumer<StoreFindings>> notes, Pending pending) {}

  /**
   * A row on its way into the store: its state (current, unmatched, conflict) is decided inside the
   * transaction, against what the store then holds.
   */
  record Pending(
      SheetDefinition sheet,
      String caseRef,
      String clientRef,
      String json,
      SourceLocation location) {}

  static PreparedReturn of(CaseStore store, CheckedReturn checked) {
    ReturnInfo info = checked.info();
    if (checked.status() == ReturnStatus.REJECTED || info.quarter() == null) {
      return new PreparedReturn(store, checked, List.of());
    }
    List<Row> rows = new ArrayList<>(checked.rows().size());
    for (FormRow row : checked.rows()) {
      rows.add(row(store, info, row));
    }
    return new PreparedReturn(store, checked, rows);
  }

  private static Row row(CaseStore store, ReturnInfo info, FormRow row) {
    SourceLocation at = row.location();
    SheetDefinition sheet = store.sheet(row.sheet());
    if (sheet == null) {
      return new Row(List.of(f -> f.sheetNotStored(info, at, row.sheet())), null);
    }
    if (!info.service().equals(row.service())) {
      return new Row(List.of(f -> f.otherService(info, at, row.service())), null);
    }
    String caseField = sheet.key().get(0);
    Object caseValue = row.get(caseField);
    String caseRef = caseValue == null ? "" : caseValue.toString().trim();
    if (caseRef.isEmpty()) {
      return new Row(List.of(f -> f.noCaseRef(info, at, sheet, caseField)), null);
    }
    RowCodec codec = store.codec(sheet.ref());
    List<Consumer<StoreFindings>> notes = new ArrayList<>(0);
    String json =
        codec.encode(row.values(), key -> notes.add(f -> f.fieldNotStored(info, at, sheet, key)));
    return new Row(
        notes.isEmpty() ? List.of() : notes,
        new Pending(sheet, caseRef, clientRef(store, sheet, row), json, at));
  }

  private static String clientRef(CaseStore store, SheetDefinition sheet, FormRow row) {
    if (sheet != store.intakeSheet() || !store.codec(sheet.ref()).isField("client_ref")) {
      return null;
    }
    Object v = row.get("client_ref");
    return v == null ? null : v.toString().trim();
  }
}
