package org.idva.insights.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.schema.CodeList;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Form;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes {@code docs/data-dictionary.md} from the form schemas (template data-dictionary.md.ftl).
 */
public final class DataDictionary {
  private final Schema schema;

  public DataDictionary(Schema schema) {
    this.schema = schema;
  }

  public String render() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("templateVersion", schema.templateVersion());
    List<Map<String, Object>> forms = new ArrayList<>();
    for (Form form : schema.forms()) {
      List<Map<String, Object>> sheets = new ArrayList<>();
      for (SheetDefinition sheet : form.sheets()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", sheet.sheetName());
        s.put("ref", sheet.ref());
        s.put("title", sheet.title());
        s.put("description", sheet.description());
        s.put("key", String.join(" + ", sheet.key()));
        s.put("fields", sheet.fields().stream().map(f -> field(f, sheet)).toList());
        sheets.add(s);
      }
      forms.add(Map.of("id", form.id(), "title", form.title(), "sheets", sheets));
    }
    model.put("forms", forms);
    List<Map<String, Object>> lists = new ArrayList<>();
    for (CodeList list :
        schema.codeLists().values().stream()
            .sorted(java.util.Comparator.comparing(CodeList::id))
            .toList()) {
      List<String> usedBy = new ArrayList<>();
      for (SheetDefinition sheet : schema.sheets()) {
        for (Field f : sheet.fields()) {
          if (f.codeList() == list) {
            usedBy.add(sheet.ref() + "." + f.id());
          }
        }
      }
      lists.add(
          Map.of(
              "id", list.id(),
              "description", list.description(),
              "codes", list.codes(),
              "usedBy", String.join(", ", usedBy)));
    }
    model.put("codeLists", lists);
    return new TextTemplates().render("data-dictionary.md.ftl", model);
  }

  private static Map<String, Object> field(Field f, SheetDefinition sheet) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("header", md(f.type() == FieldType.MULTI_CODE ? f.header() + ": <option>" : f.header()));
    m.put("question", md(f.question()));
    m.put("type", f.type().key());
    m.put("codeList", f.codeList() == null ? "" : f.codeList().id());
    m.put("rule", md(rule(f, sheet)));
    return m;
  }

  private static String rule(Field f, SheetDefinition sheet) {
    List<String> parts = new ArrayList<>();
    if (f.when() != null) {
      var target = sheet.field(f.when().field()).orElse(null);
      parts.add(
          (f.required() ? "required when " : "asked when ")
              + f.when().describe(target == null ? null : target.codeList()));
    } else if (f.required()) {
      parts.add("required");
    } else {
      parts.add("optional (blank = Missing)");
    }
    if (f.min() != null || f.max() != null) {
      parts.add(
          "range "
              + (f.min() == null ? "" : f.min().toPlainString())
              + "–"
              + (f.max() == null ? "" : f.max().toPlainString())
              + (f.unit() == null ? "" : " " + f.unit()));
    } else if (f.unit() != null) {
      parts.add("in " + f.unit());
    }
    if (f.pattern() != null) {
      parts.add("pattern `" + f.pattern() + "`");
    }
    if (sheet.key().contains(f.id())) {
      parts.add("key");
    }
    return String.join("; ", parts);
  }

  private static String md(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
