package org.idva.insights.report;

import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;

/** Computes a shipped table (report/tables/*.json) on hand-made case data. */
final class Shipped {
  private Shipped() {}

  static TableResult table(CaseData data, String id) {
    TableDefinition def = Tables.SHIPPED.table(id).orElseThrow();
    return Tables.load(data, def).table(def, 2023);
  }
}
