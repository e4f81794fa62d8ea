package org.idva.insights.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A node of a JSON definition file that knows its file and key path, so every complaint names both.
 * Unknown keys are errors: a typo in a definition must not silently drop a rule.
 */
public final class JsonDefinition {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(JsonParser.Feature.ALLOW_COMMENTS);

  private final String file;
  private final String path;
  private final JsonNode node;

  private JsonDefinition(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** Reads a definition file; a missing or malformed file is a {@link DefinitionException}. */
  public static JsonDefinition read(DefinitionSource source, String relativePath) {
    String name = source.describe(relativePath);
    try (InputStream in =
        source
            .open(relativePath)
            .orElseThrow(
                () ->
                    new DefinitionException(
                        name, "", "file not found (it is listed in schema/schema.json)"))) {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || !root.isObject()) {
        throw new DefinitionException(name, "", "expected a JSON object at the top level");
      }
      return new JsonDefinition(name, "", root);
    } catch (JsonProcessingException e) {
      throw new DefinitionException(
          name,
          "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DefinitionException(name, "", "cannot be read: " + e.getMessage());
    }
  }

  public String file() {
    return file;
  }

  public String path() {
    return path.isEmpty() ? "(top level)" : path;
  }

  public DefinitionException error(String problem) {
    return new DefinitionException(file, path(), problem);
  }

  /** Fails on any key not in {@code allowed}, naming the allowed keys. */
  public JsonDefinition allowOnly(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new DefinitionException(
            file,
            child(name),
            "unknown key \"" + name + "\"; allowed keys are " + String.join(", ", allowed));
      }
    }
    return this;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public String string(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new DefinitionException(file, child(key), "required key is missing");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new DefinitionException(file, child(key), "expected a non-empty string");
    }
    return value.asText();
  }

  public String optionalString(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw new DefinitionException(file, child(key), "expected true or false");
    }
    return value.asBoolean();
  }

  public java.math.BigDecimal optionalNumber(String key) {
    if (!has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isNumber()) {
      throw new DefinitionException(file, child(key), "expected a number");
    }
    return value.decimalValue();
  }

  public JsonDefinition object(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw new DefinitionException(file, child(key), "expected an object");
    }
    return new JsonDefinition(file, child(key), value);
  }

  /** The elements of an array (empty when the key is absent and not required). */
  public List<JsonDefinition> array(String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw new DefinitionException(file, child(key), "required list is missing");
      }
      return List.of();
    }
    if (!value.isArray()) {
      throw new DefinitionException(file, child(key), "expected a list [...]");
    }
    List<JsonDefinition> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new JsonDefinition(file, child(key) + "[" + i + "]", value.get(i)));
    }
    return items;
  }

  /** A list of strings; a single string is accepted as a list of one. */
  public List<String> strings(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw new DefinitionException(file, child(key), "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new DefinitionException(file, child(key) + "[" + i + "]", "expected a string");
      }
      out.add(value.get(i).asText());
    }
    return out;
  }

  /** Key/value pairs of an object of strings, in file order. */
  public java.util.Map<String, String> stringMap(String key) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (!has(key)) {
      return out;
    }
    JsonNode value = node.get(key);
    if (!value.isObject()) {
      throw new DefinitionException(file, child(key), "expected an object of strings");
    }
    value
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw new DefinitionException(
                    file, child(key) + "." + e.getKey(), "expected a string");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  /** The raw node, for readers (such as report definitions) that walk it themselves. */
  public JsonNode node() {
    return node;
  }

  public boolean isObject() {
    return node instanceof ObjectNode;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
