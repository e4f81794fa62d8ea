package org.idva.insights.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads and checks the form definitions: {@code schema/schema.json} lists the code list files and
 * the forms in return order; each form is {@code schema/forms/<id>.json}. Every broken reference
 * (unknown code list, duplicate id, a condition naming a missing field...) is a {@link
 * DefinitionException} naming the file and the key.
 */
public final class SchemaLoader {
  static final String MANIFEST = "schema/schema.json";
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*");
  private static final Pattern SHEET_NAME_FORBIDDEN = Pattern.compile("[\\[\\]:*?/\\\\]");
  private static final Set<String> RESERVED_LABELS = Set.of("missing", "total", "errors");
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "id",
          "header",
          "question",
          "type",
          "codelist",
          "required",
          "when",
          "min",
          "max",
          "unit",
          "pattern",
          "aliases",
          "description");

  private final DefinitionSource source;

  public SchemaLoader(DefinitionSource source) {
    this.source = source;
  }

  /** The definitions shipped in the jar. */
  public static Schema loadDefault() {
    return new SchemaLoader(DefinitionSource.classpath()).load();
  }

  public Schema load() {
    JsonDefinition manifest =
        JsonDefinition.read(source, MANIFEST)
            .allowOnly(
                Set.of("templateVersion", "description", "codelists", "forms", "headerWords"));
    String version = manifest.string("templateVersion");
    Map<String, CodeList> codeLists = new LinkedHashMap<>();
    for (String file : manifest.strings("codelists")) {
      readCodeLists(JsonDefinition.read(source, "schema/codelists/" + file + ".json"), codeLists);
    }
    List<Form> forms = new ArrayList<>();
    Set<String> sheetNames = new HashSet<>();
    for (String formId : manifest.strings("forms")) {
      Form form =
          readForm(
              JsonDefinition.read(source, "schema/forms/" + formId + ".json"), formId, codeLists);
      for (SheetDefinition sheet : form.sheets()) {
        if (!sheetNames.add(sheet.sheetName().toLowerCase(java.util.Locale.ROOT))) {
          throw new DefinitionException(
              source.describe("schema/forms/" + formId + ".json"),
              "sheet",
              "sheet name \"" + sheet.sheetName() + "\" is used by another form or group");
        }
      }
      forms.add(form);
    }
    if (forms.isEmpty()) {
      throw manifest.error("\"forms\" lists no form");
    }
    Map<String, String> headerWords = new LinkedHashMap<>();
    manifest
        .stringMap("headerWords")
        .forEach(
            (abbreviation, words) -> {
              String key = abbreviation.strip().toLowerCase(java.util.Locale.ROOT);
              if (key.isEmpty() || key.contains(" ") || words.isBlank()) {
                throw manifest.error(
                    "headerWords: \""
                        + abbreviation
                        + "\" must be one word standing for one or more words");
              }
              headerWords.put(key, words.strip().toLowerCase(java.util.Locale.ROOT));
            });
    return new Schema(version, forms, codeLists, headerWords);
  }

  private static void readCodeLists(JsonDefinition file, Map<String, CodeList> into) {
    file.allowOnly(Set.of("codelists", "description"));
    for (JsonDefinition def : file.array("codelists", true)) {
      def.allowOnly(Set.of("id", "description", "codes", "aliases"));
      String id = def.string("id");
      if (!ID.matcher(id).matches()) {
        throw def.error("code list id \"" + id + "\" must be lower_snake_case");
      }
      if (into.containsKey(id)) {
        throw def.error("code list \"" + id + "\" is defined twice; define a shared list once");
      }
      List<Code> codes = new ArrayList<>();
      Set<String> seenCodes = new HashSet<>();
      Set<String> seenLabels = new HashSet<>();
      for (JsonDefinition c : def.array("codes", true)) {
        c.allowOnly(Set.of("code", "label"));
        String code = c.string("code");
        String label = c.string("label");
        if (!CODE.matcher(code).matches()) {
          throw c.error("code \"" + code + "\" must be lower_snake_case (letters, digits, _)");
        }
        if (!seenCodes.add(code)) {
          throw c.error("code \"" + code + "\" appears twice in list \"" + id + "\"");
        }
        if (!seenLabels.add(label)) {
          throw c.error("label \"" + label + "\" appears twice in list \"" + id + "\"");
        }
        if (RESERVED_LABELS.contains(label.toLowerCase(java.util.Locale.ROOT))) {
          throw c.error(
              "\"" + label + "\" is not an answer: a blank answer is reported as Missing");
        }
        codes.add(new Code(code, label));
      }
      if (codes.isEmpty()) {
        throw def.error("code list \"" + id + "\" has no codes");
      }
      Map<String, String> aliases = def.stringMap("aliases");
      aliases.forEach(
          (alias, code) -> {
            if (!seenCodes.contains(code)) {
              throw def.error("alias \"" + alias + "\" names unknown code \"" + code + "\"");
            }
          });
      into.put(id, new CodeList(id, def.optionalString("description", ""), codes, aliases));
    }
  }

  private Form readForm(JsonDefinition file, String formId, Map<String, CodeList> codeLists) {
    file.allowOnly(Set.of("form", "sheet", "title", "description", "key", "fields", "groups"));
    if (!formId.equals(file.string("form"))) {
      throw new DefinitionException(
          file.file(),
          "form",
          "expected \"" + formId + "\" (the file name) but found \"" + file.string("form") + "\"");
    }
    Set<String> formFieldIds = new HashSet<>();
    SheetDefinition main = readSheet(file, formId, null, codeLists, formFieldIds, null, Set.of());
    if (main.key().size() != 1) {
      throw file.error("a form's \"key\" is its one case reference field, e.g. \"case_ref\"");
    }
    List<SheetDefinition> groups = new ArrayList<>();
    Set<String> groupIds = new HashSet<>();
    Set<String> keyFields = new HashSet<>(main.key());
    for (JsonDefinition g : file.array("groups", false)) {
      g.allowOnly(Set.of("id", "sheet", "title", "description", "key", "fields"));
      String groupId = g.string("id");
      if (!ID.matcher(groupId).matches() || !groupIds.add(groupId)) {
        throw g.error("group id \"" + groupId + "\" must be lower_snake_case and unique");
      }
      String parentKey = main.key().get(0);
      if (!g.strings("key").contains(parentKey)) {
        throw g.error(
            "a group's key must include the form's key \""
                + parentKey
                + "\" so each row attaches to its case");
      }
      SheetDefinition group =
          readSheet(g, formId, groupId, codeLists, formFieldIds, main, Set.copyOf(keyFields));
      keyFields.addAll(group.key());
      groups.add(group);
    }
    return new Form(formId, main, groups);
  }

  private static SheetDefinition readSheet(
      JsonDefinition def,
      String formId,
      String groupId,
      Map<String, CodeList> codeLists,
      Set<String> formFieldIds,
      SheetDefinition parent,
      Set<String> linkFields) {
    String sheetName = def.string("sheet");
    if (sheetName.length() > 31 || SHEET_NAME_FORBIDDEN.matcher(sheetName).find()) {
      throw def.error(
          "sheet name \"" + sheetName + "\" must be at most 31 characters without [ ] : * ? / \\");
    }
    List<JsonDefinition> fieldDefs = def.array("fields", true);
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, JsonDefinition> conditionsToCheck = new HashMap<>();
    Set<String> headers = new HashSet<>();
    for (JsonDefinition fd : fieldDefs) {
      Field field = readField(fd, codeLists);
      // A group repeats the key fields of the sheets it hangs from (case_ref, report_no...).
      boolean link = linkFields.contains(field.id()) && def.strings("key").contains(field.id());
      if (!formFieldIds.add(field.id()) && !link) {
        throw fd.error("field id \"" + field.id() + "\" is used twice in form \"" + formId + "\"");
      }
      fields.put(field.id(), field);
      for (String header : field.columnHeaders()) {
        if (!headers.add(normaliseHeader(header))) {
          throw fd.error("column header \"" + header + "\" is used twice on sheet " + sheetName);
        }
      }
      if (field.when() != null) {
        conditionsToCheck.put(field.id(), fd.object("when"));
      }
    }
    for (Map.Entry<String, JsonDefinition> e : conditionsToCheck.entrySet()) {
      Field field = fields.get(e.getKey());
      Condition when = field.when();
      Field target = fields.get(when.field());
      if (target == null && parent != null) {
        target = parent.field(when.field()).orElse(null);
      }
      JsonDefinition at = e.getValue();
      if (target == null) {
        throw at.error(
            "condition of \""
                + field.id()
                + "\" names field \""
                + when.field()
                + "\", which is not on sheet "
                + sheetName);
      }
      if (target == field) {
        throw at.error("a question cannot depend on itself");
      }
      if (when.isNumeric()) {
        if (!target.type().isNumeric()) {
          throw at.error(
              "condition field \""
                  + when.field()
                  + "\" must be an integer or decimal field for"
                  + " \"min\"");
        }
        continue;
      }
      if (!target.type().isCoded()) {
        throw at.error(
            "condition field \"" + when.field() + "\" must be a code or multi_code field");
      }
      for (String code : when.codes()) {
        if (!target.codeList().hasCode(code)) {
          throw at.error(
              "condition code \""
                  + code
                  + "\" is not in code list \""
                  + target.codeList().id()
                  + "\" (codes: "
                  + String.join(", ", target.codeList().labelsByCode().keySet())
                  + ")");
        }
      }
    }
    List<String> key = def.strings("key");
    if (key.isEmpty()) {
      throw def.error("\"key\" is missing: name the field(s) that identify a row");
    }
    for (String k : key) {
      Field kf = fields.get(k);
      if (kf == null) {
        throw def.error("key field \"" + k + "\" is not a field of sheet " + sheetName);
      }
      if (!kf.required()) {
        throw def.error("key field \"" + k + "\" must be required");
      }
    }
    return new SheetDefinition(
        formId,
        groupId,
        sheetName,
        def.string("title"),
        def.optionalString("description", ""),
        key,
        List.copyOf(fields.values()));
  }

  private static Field readField(JsonDefinition fd, Map<String, CodeList> codeLists) {
    fd.allowOnly(FIELD_KEYS);
    String id = fd.string("id");
    if (!ID.matcher(id).matches()) {
      throw fd.error("field id \"" + id + "\" must be lower_snake_case");
    }
    String header = fd.string("header");
    PersonalData.check(id, header)
        .ifPresent(
            word -> {
              throw fd.error(
                  "field \""
                      + id
                      + "\" looks like personal data ("
                      + word
                      + "); returns carry pseudonymous references only");
            });
    String typeKey = fd.string("type");
    FieldType type =
        FieldType.fromKey(typeKey)
            .orElseThrow(
                () ->
                    fd.error(
                        "unknown type \"" + typeKey + "\"; use one of " + FieldType.allKeys()));
    CodeList list = null;
    if (type.isCoded()) {
      String listId = fd.string("codelist");
      list = codeLists.get(listId);
      if (list == null) {
        throw fd.error(
            "unknown code list \""
                + listId
                + "\"; define it under schema/codelists/ and list its"
                + " file in schema/schema.json");
      }
    } else if (fd.has("codelist")) {
      throw fd.error("\"codelist\" only applies to code and multi_code fields");
    }
    BigDecimal min = fd.optionalNumber("min");
    BigDecimal max = fd.optionalNumber("max");
    if ((min != null || max != null) && !type.isNumeric()) {
      throw fd.error("\"min\"/\"max\" only apply to integer and decimal fields");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw fd.error("min " + min + " is greater than max " + max);
    }
    String pattern = fd.has("pattern") ? fd.string("pattern") : null;
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw fd.error("pattern is not a valid regular expression: " + e.getDescription());
      }
    }
    Condition when = null;
    if (fd.has("when")) {
      JsonDefinition w = fd.object("when").allowOnly(Set.of("field", "in", "min"));
      List<String> codes = w.strings("in");
      BigDecimal whenMin = w.optionalNumber("min");
      if (codes.isEmpty() == (whenMin == null)) {
        throw w.error(
            "give either \"in\" (a list of codes) or \"min\" (a number), e.g."
                + " {\"field\": \"disability\", \"in\": [\"yes\"]}");
      }
      when = new Condition(w.string("field"), codes, whenMin);
    }
    return new Field(
        id,
        header,
        fd.optionalString("question", header),
        type,
        list,
        fd.bool("required", false),
        when,
        min,
        max,
        fd.optionalString("unit", null),
        pattern,
        fd.strings("aliases"));
  }

  /** Header comparison key: case, spacing and punctuation do not make two headers different. */
  static String normaliseHeader(String header) {
    return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }
}
