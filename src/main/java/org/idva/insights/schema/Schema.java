package org.idva.insights.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All form definitions and code lists, checked and cross-referenced. Loaded once by {@link
 * SchemaLoader}; immutable.
 */
public record Schema(
    String templateVersion,
    List<Form> forms,
    Map<String, CodeList> codeLists,
    Map<String, String> headerWords) {

  /**
   * @param headerWords the abbreviations data leads use in headers and the words they stand for
   *     ({@code mths} = {@code months}, {@code &} = {@code and}), applied to both sides when a
   *     sheet's headers are matched to the template's
   */
  public Schema {
    forms = List.copyOf(forms);
    codeLists = Map.copyOf(codeLists);
    headerWords = Map.copyOf(headerWords);
  }

  public Schema(String templateVersion, List<Form> forms, Map<String, CodeList> codeLists) {
    this(templateVersion, forms, codeLists, Map.of());
  }

  public Optional<Form> form(String id) {
    return forms.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** Every sheet of the return, in form order, each form's main sheet before its groups. */
  public List<SheetDefinition> sheets() {
    return forms.stream().flatMap(f -> f.sheets().stream()).toList();
  }

  public Optional<SheetDefinition> sheet(String ref) {
    return sheets().stream().filter(s -> s.ref().equals(ref)).findFirst();
  }

  /**
   * Resolves a field reference: {@code form.field} or {@code form.group.field}, e.g. {@code
   * intake.disability} or {@code intake.children.age_band}.
   */
  public Optional<Field> field(String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    return sheet(ref.substring(0, dot)).flatMap(s -> s.field(ref.substring(dot + 1)));
  }
}
