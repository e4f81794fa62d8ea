package org.idva.insights.schema;

import java.util.List;
import java.util.Optional;

/**
 * A sheet of the return: a form's main sheet, or a repeating group's sheet (children, police
 * reports, incidents, civil orders) whose rows are keyed by the parent case ref and a number.
 *
 * @param form the id of the form this sheet belongs to
 * @param group the group id, or null for the form's main sheet
 */
public record SheetDefinition(
    String form,
    String group,
    String sheetName,
    String title,
    String description,
    List<String> key,
    List<Field> fields) {

  public SheetDefinition {
    key = List.copyOf(key);
    fields = List.copyOf(fields);
  }

  public boolean isGroup() {
    return group != null;
  }

  /** {@code intake} or {@code intake.children}: the prefix of field references. */
  public String ref() {
    return group == null ? form : form + "." + group;
  }

  public Optional<Field> field(String id) {
    return fields.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** The columns of this sheet in the return, in order. */
  public List<Column> columns() {
    return fields.stream()
        .flatMap(
            f ->
                f.type() == FieldType.MULTI_CODE
                    ? f.codeList().codes().stream().map(c -> new Column(f, c, f.multiHeader(c)))
                    : java.util.stream.Stream.of(new Column(f, null, f.header())))
        .toList();
  }
}
