package org.idva.insights.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.idva.insights.model.TableResult;

/**
 * Computed tables as JSON in the seed tables file's shape ({@code reporting_year}, {@code tables}
 * with {@code id}, {@code section}, {@code title}, {@code population}, {@code columns}, {@code n},
 * {@code rows} with {@code label}, {@code indent}, {@code kind}, {@code values}), keys in a fixed
 * order so two runs, or a run and the seed, compare with a plain diff.
 */
public final class TableJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TableJson() {}

  public static ObjectNode toJson(List<TableResult> tables, int year) {
    ObjectNode root = JSON.createObjectNode();
    root.put("reporting_year", Integer.toString(year));
    ArrayNode list = root.putArray("tables");
    for (TableResult t : tables) {
      ObjectNode o = list.addObject();
      o.put("id", t.id());
      o.put("section", t.section());
      o.put("title", t.title());
      if (!t.heading().isEmpty()) {
        o.put("heading", t.heading());
      }
      if (!t.higherIs().equals(TableResult.NEUTRAL)) {
        o.put("higher_is", t.higherIs());
      }
      if (!t.notCollected().isEmpty()) {
        ArrayNode gaps = o.putArray("not_collected");
        new java.util.TreeSet<>(t.notCollected()).forEach(gaps::add);
      }
      o.put("population", t.population());
      ArrayNode columns = o.putArray("columns");
      for (String key : t.columns()) {
        ObjectNode c = columns.addObject();
        int first = key.indexOf('.');
        int last = key.lastIndexOf('.');
        c.put("key", key);
        c.put("year", key.substring(0, first));
        if (first == last) {
          c.putNull("group");
        } else {
          c.put("group", key.substring(first + 1, last));
        }
        c.put("measure", key.substring(last + 1));
      }
      ObjectNode n = o.putObject("n");
      new TreeMap<>(t.n()).descendingMap().forEach(n::put);
      ArrayNode rows = o.putArray("rows");
      for (TableResult.Row r : t.rows()) {
        ObjectNode row = rows.addObject();
        row.put("label", r.label());
        row.put("indent", r.indent());
        row.put("kind", r.kind());
        ObjectNode values = row.putObject("values");
        for (String key : t.columns()) {
          put(values, key, r.values().get(key));
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(r.values()).entrySet()) {
          if (!values.has(e.getKey())) {
            put(values, e.getKey(), e.getValue());
          }
        }
      }
    }
    return root;
  }

  private static void put(ObjectNode values, String key, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof Long l) {
      values.put(key, l);
    } else if (v instanceof Integer i) {
      values.put(key, i);
    } else if (v instanceof Double d) {
      values.put(key, d);
    } else {
      values.put(key, v.toString());
    }
  }

  public static String write(List<TableResult> tables, int year) {
    try {
      return JSON.writeValueAsString(toJson(tables, year)) + System.lineSeparator();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
