package org.idva.insights.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.idva.insights.model.Finding;
import org.idva.insights.model.FormRow;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;
import org.idva.insights.store.Upload;

/**
 * The findings of a {@link Receipt} as a way in keeps them for later: each with the case reference
 * and the question (field id) it is about, so a query can be explained against the answer it
 * questions ({@link org.idva.insights.model.Explanation}).
 *
 * <p>The case reference comes from the checked row at the finding's sheet and row; the question
 * from the template's column at the finding's column (a return keeps the template's column order; a
 * finding beyond the template's columns names no question and cannot be explained on the web).
 */
public final class ReceiptFindings {
  private ReceiptFindings() {}

  /** Every finding of the receipt, in order, with its case and question where it has them. */
  public static List<Upload.Item> of(Schema schema, Receipt receipt) {
    List<Finding> findings = receipt.checked().findings();
    List<Upload.Item> items = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      Optional<SheetDefinition> sheet = sheetNamed(schema, f.location().sheet());
      String caseRef = null;
      String field = null;
      if (sheet.isPresent() && f.location().hasRow()) {
        caseRef = caseRef(receipt, sheet.get(), f).orElse(null);
        List<Column> columns = sheet.get().columns();
        int col = f.location().column();
        field = col >= 0 && col < columns.size() ? columns.get(col).field().id() : "";
      }
      items.add(new Upload.Item(i, f, caseRef, field));
    }
    return items;
  }

  private static Optional<SheetDefinition> sheetNamed(Schema schema, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return schema.sheets().stream().filter(s -> s.sheetName().equalsIgnoreCase(name)).findFirst();
  }

  private static Optional<String> caseRef(Receipt r, SheetDefinition sheet, Finding f) {
    String caseField = sheet.key().get(0);
    for (FormRow row : r.checked().rows()) {
      if (row.location().row() == f.location().row()
          && f.location().sheet().equalsIgnoreCase(String.valueOf(row.location().sheet()))) {
        String ref = row.string(caseField);
        return ref == null || ref.isBlank() ? Optional.empty() : Optional.of(ref.strip());
      }
    }
    return Optional.empty();
  }
}
