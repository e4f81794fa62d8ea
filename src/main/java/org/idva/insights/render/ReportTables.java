package org.idva.insights.render;

import java.util.List;
import org.idva.insights.model.TableResult;

/** A set of computed tables and the edition they belong to, as read from a tables JSON file. */
public record ReportTables(ReportEdition edition, List<TableResult> tables) {
  public ReportTables {
    tables = List.copyOf(tables);
  }
}
