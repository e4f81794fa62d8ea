package org.idva.insights.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.model.RowValues;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes a row's schema-field values as one compact JSON array and reads them back typed by the
 * schema: identifier, text and code → String; multi_code → Set of codes; integer → Long; decimal →
 * BigDecimal; date → LocalDate. The array holds the values in the order of the sheet's fields (its
 * {@link #layout}, kept once per sheet in the store's {@code row_layout} table), {@code null} where
 * a field has no value, and nothing after the last value; keys that are not fields of the sheet are
 * never written (the caller reports them). A coded answer is written as its number in the field's
 * codes sorted ({@link #codeLists}, kept with the layout), a multi-code answer as its numbers in
 * order: {@code ["SVC01-21-11310","CL1-011274","2020-04-01",1,4,[0,3]]}; a code the list lacks is
 * written as text. Rows in a layout stored before code lists (migration V11) hold their codes as
 * text, and rows stored before layouts (V9) are JSON objects naming each field; both are read as
 * they are ({@link StoredLayout}; null for an object).
 */
final class RowCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private final SheetDefinition sheet;
  private final Map<String, Field> fields = new HashMap<>();
  private final Field[] order;

  /** Per field in {@link #order}: for a coded question, its codes as numbered in the layout. */
  private final Codes[] codes;

  private final int capacity;

  RowCodec(SheetDefinition sheet) {
    this.sheet = sheet;
    sheet.fields().forEach(f -> fields.put(f.id(), f));
    this.order = sheet.fields().toArray(new Field[0]);
    this.codes = new Codes[order.length];
    for (int i = 0; i < order.length; i++) {
      codes[i] =
          order[i].type().isCoded() && order[i].codeList() != null ? Codes.of(order[i]) : null;
    }
    this.capacity = (int) (fields.size() / 0.75f) + 1;
    StringBuilder b = new StringBuilder("[");
    StringBuilder lists = new StringBuilder("[");
    for (int i = 0; i < order.length; i++) {
      if (i > 0) {
        b.append(',');
        lists.append(',');
      }
      JsonText.string(b, order[i].id());
      if (codes[i] == null) {
        lists.append("null");
      } else {
        lists.append('[').append(String.join(",", codes[i].written)).append(']');
      }
    }
    this.layout = b.append(']').toString();
    this.codeLists = lists.append(']').toString();
    List<List<String>> own = new ArrayList<>();
    for (Codes c : codes) {
      own.add(c == null ? null : Arrays.asList(c.sorted));
    }
    this.ownLayout = layoutOf(sheet.fields().stream().map(Field::id).toList(), own);
  }

  SheetDefinition sheet() {
    return sheet;
  }

  /** True when {@code key} is a field of the sheet. */
  boolean isField(String key) {
    return fields.containsKey(key);
  }

  /** The sheet's field ids in its order, as a JSON array: the layout {@link #encode} writes in. */
  private final String layout;

  /**
   * The layout rows are written in: the sheet's field ids in its order, as a JSON array ({@code
   * ["case_ref","client_ref",...]}), which the store keeps once per sheet ({@link RowLayouts}).
   */
  String layout() {
    return layout;
  }

  /**
   * The code lists of the layout rows are written in, as a JSON array: see {@link #codeLists()}.
   */
  private final String codeLists;

  /**
   * The code lists of the layout rows are written in, beside {@link #layout}: per field, null when
   * it is not coded, else its codes in the order of the numbers its answers are written as ({@code
   * [null,null,null,["new_client","repeat_to_service"],...]}).
   */
  String codeLists() {
    return codeLists;
  }

  private final StoredLayout ownLayout;

  /** What the values of the rows this codec writes are ({@link #layoutOf}). */
  StoredLayout ownLayout() {
    return ownLayout;
  }

  /**
   * What each value of a row written in a layout of these field ids and code lists is now: per
   * position, the index of the sheet's field of that id, or -1 for a field since removed from the
   * schema (its values are not part of the data now); and the codes its numbers stand for, each the
   * schema's own string while the field's list has it. {@code codeLists} null: the layout holds
   * every code as text.
   */
  StoredLayout layoutOf(List<String> fieldIds, List<List<String>> codeLists) {
    int[] positions = fields(fieldIds);
    String[][] numbered = new String[positions.length][];
    for (int i = 0; codeLists != null && i < positions.length; i++) {
      List<String> list = i < codeLists.size() ? codeLists.get(i) : null;
      if (list == null) {
        continue;
      }
      Codes now = positions[i] < 0 ? null : codes[positions[i]];
      numbered[i] = new String[list.size()];
      for (int n = 0; n < list.size(); n++) {
        String code = list.get(n);
        Integer at = now == null ? null : now.place.get(code);
        numbered[i][n] = at == null ? code : now.sorted[at];
      }
    }
    return new StoredLayout(positions, numbered);
  }

  private int[] fields(List<String> fieldIds) {
    int[] positions = new int[fieldIds.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = -1;
      for (int k = 0; k < order.length; k++) {
        if (order[k].id().equals(fieldIds.get(i))) {
          positions[i] = k;
          break;
        }
      }
    }
    return positions;
  }

  /** About how long the last row written was: the next one's builder starts that large. */
  private static final ThreadLocal<int[]> LAST_LENGTH = ThreadLocal.withInitial(() -> new int[1]);

  /** {@link #encode(Map, Consumer)} of a row whose keys are all fields of the sheet. */
  String encode(Map<String, Object> values) {
    return encode(values, key -> {});
  }

  /**
   * The row as a compact JSON array in the sheet's field order ({@link #layout}): {@code null} for
   * a field without a value and nothing after the last value; integers as numbers, decimals as
   * their plain text, multi-code answers as their sorted codes (each once), anything else as its
   * text ({@link JsonText}, as Jackson's default generator writes it). Each key of {@code values}
   * that is not a field of the sheet is given to {@code notAField} (and not written).
   *
   * <p>The values of a checked row ({@link RowValues}) are in the sheet's order with the schema's
   * own ids, so they are taken one after another while the keys are the fields' ids themselves; any
   * other key is looked up.
   */
  String encode(Map<String, Object> values, Consumer<String> notAField) {
    RowValues given = values instanceof RowValues r ? r : null;
    int next = 0; // the next of the given keys, while they come in the fields' order
    int found = 0; // keys of values that are fields
    int[] last = LAST_LENGTH.get();
    StringBuilder b = new StringBuilder(Math.max(64, last[0] + 64));
    b.append('[');
    int nulls = 0; // fields without a value since the last written: written only before a value
    for (int i = 0; i < order.length; i++) {
      String id = order[i].id();
      Object value;
      if (given != null && next < given.size() && given.keyAt(next) == id) {
        value = given.valueAt(next++);
        found++;
      } else {
        value = values.get(id);
        if (value != null || values.containsKey(id)) {
          found++;
        }
      }
      if (value == null) {
        nulls++;
        continue;
      }
      for (; nulls > 0; nulls--) {
        b.append(b.length() > 1 ? ",null" : "null");
      }
      if (b.length() > 1) {
        b.append(',');
      }
      writeValue(b, value, codes[i]);
    }
    b.append(']');
    last[0] = Math.min(b.length(), 1 << 16);
    if (found < values.size()) {
      for (String key : values.keySet()) {
        if (!isField(key)) {
          notAField.accept(key);
        }
      }
    }
    return b.toString();
  }

  private static void writeValue(StringBuilder b, Object value, Codes field) {
    if (field != null && value instanceof String code) {
      Integer at = field.place.get(code);
      if (at != null) {
        b.append(at.intValue());
        return;
      }
    }
    if (value instanceof Collection<?> c) {
      b.append('[');
      if (field == null || !field.write(b, c)) {
        String[] codes = sortedCodes(c);
        for (int i = 0; i < codes.length; i++) {
          if (i == 0 || !codes[i].equals(codes[i - 1])) {
            if (i > 0) {
              b.append(',');
            }
            JsonText.string(b, codes[i]);
          }
        }
      }
      b.append(']');
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      b.append(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      JsonText.string(b, d.toPlainString());
    } else if (value instanceof Number n) {
      JsonText.string(b, n.toString());
    } else {
      JsonText.string(b, value.toString());
    }
  }

  /**
   * A coded question's codes sorted as {@link #sortedCodes} sorts them (each once), each with its
   * place in that order: an answer of the question's own codes is written as its place, and a
   * multi-code answer as its places in order, sorted as numbers (which sorts the codes as text).
   */
  private static final class Codes {
    /** The most ticks sorted by place; an answer of more is sorted as text. */
    private static final int MOST = 64;

    final String[] sorted;
    final String[] written; // as JSON strings, for the layout's code lists
    final Map<String, Integer> place = new HashMap<>();

    private Codes(String[] sorted) {
      this.sorted = sorted;
      this.written = new String[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        StringBuilder b = new StringBuilder();
        JsonText.string(b, sorted[i]);
        written[i] = b.toString();
        place.put(sorted[i], i);
      }
    }

    static Codes of(Field field) {
      java.util.TreeSet<String> codes = new java.util.TreeSet<>();
      field.codeList().codes().forEach(c -> codes.add(c.code()));
      return new Codes(codes.toArray(new String[0]));
    }

    /**
     * Writes the answer's codes in order, each once, when all are the question's own; false (and
     * nothing written) when one is not.
     */
    boolean write(StringBuilder b, Collection<?> answer) {
      int n = answer.size();
      if (n > MOST) {
        return false;
      }
      int[] at = new int[n];
      int k = 0;
      for (Object o : answer) {
        Integer p = o instanceof String code ? place.get(code) : null;
        if (p == null || k == n) {
          return false;
        }
        at[k++] = p;
      }
      for (int i = 1; i < k; i++) { // a few places: sorted by insertion
        int x = at[i];
        int j = i - 1;
        for (; j >= 0 && at[j] > x; j--) {
          at[j + 1] = at[j];
        }
        at[j + 1] = x;
      }
      for (int i = 0; i < k; i++) {
        if (i == 0 || at[i] != at[i - 1]) {
          if (i > 0) {
            b.append(',');
          }
          b.append(at[i]);
        }
      }
      return true;
    }
  }

  /**
   * A multi-code answer's codes as text, sorted (duplicates side by side; {@link #writeValue}
   * writes each once): the codes a {@code TreeSet} of them holds, in its order, without building
   * one for every row.
   */
  static String[] sortedCodes(Collection<?> ticks) {
    String[] codes = new String[ticks.size()];
    int n = 0;
    for (Object o : ticks) {
      codes[n++] = o.toString();
    }
    Arrays.sort(codes);
    return codes;
  }

  /**
   * The values of a stored row, typed by the schema: a row in a stored layout ({@link #layoutOf}),
   * or, with null, a row stored as a JSON object (before layouts).
   */
  Map<String, Object> decode(String json, StoredLayout layout) {
    Map<String, Object> values = new LinkedHashMap<>(capacity); // never resized
    parse(
        json,
        layout,
        (field, numbered, p, t) -> values.put(field.id(), readValue(field, numbered, p, t)));
    return values;
  }

  /**
   * Hands a stored row's values to {@code sink} as they are parsed, each typed as {@link #decode}
   * types it, without building the map (the caller has called {@link AnswerSink#row}).
   */
  void read(String json, StoredLayout layout, AnswerSink sink) {
    parse(json, layout, (field, numbered, p, t) -> readAnswer(field, numbered, p, t, sink));
  }

  /**
   * What {@link #read} does for a stream of rows, each prepared by one thread ({@link
   * Reader#prepare}) and handed on by one other: a row in the shape {@link #encode} writes (or the
   * object shape rows had before layouts) is read by a {@link CompactRowReader}, any other by the
   * JSON parser; the same answers either way.
   */
  Reader reader() {
    return new Reader();
  }

  final class Reader {
    private final CompactRowReader compact = new CompactRowReader(sheet.fields());

    /** The scan of {@link #prepare}: its own, as it runs on the thread that reads the rows. */
    private final CompactRowReader ahead = new CompactRowReader(sheet.fields());

    /**
     * What one thread (the one reading the rows from the store, one row after another) finds of a
     * row ahead of {@link #read(String, StoredLayout, Object, AnswerSink)} on another: the values
     * of a row in the compact shape; null for a row the parser reads.
     */
    Object prepare(String json, StoredLayout layout) {
      return ahead.scanned(json, layout);
    }

    /**
     * Hands the row's values to {@code sink}, from what {@link #prepare} found of it: a row in the
     * compact shape by the {@link CompactRowReader}, any other by the JSON parser; the same answers
     * either way.
     */
    void read(String json, StoredLayout layout, Object prepared, AnswerSink sink) {
      if (prepared instanceof int[] values) {
        compact.hand(json, layout, values, sink);
      } else {
        RowCodec.this.read(json, layout, sink);
      }
    }
  }

  /**
   * What is done with one stored value of a field of the sheet; the parser is on its first token.
   */
  private interface ValueReader {
    /**
     * @param numbered the codes the value's numbers stand for (its layout's), or null
     */
    void read(Field field, String[] numbered, JsonParser p, JsonToken t) throws IOException;
  }

  private void parse(String json, StoredLayout layout, ValueReader reader) {
    try (JsonParser p = JSON.createParser(json)) {
      if (layout == null) {
        parseObject(p, reader);
      } else {
        parseArray(p, layout, reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void parseObject(JsonParser p, ValueReader reader) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      Field field = fields.get(name);
      if (field == null) {
        p.skipChildren(); // a field since removed from the schema: not part of the data now
        continue;
      }
      reader.read(field, null, p, t);
    }
  }

  private void parseArray(JsonParser p, StoredLayout layout, ValueReader reader)
      throws IOException {
    int[] positions = layout.fields();
    expect(p.nextToken(), JsonToken.START_ARRAY);
    int position = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new IOException("stored row ends before its array does");
      }
      if (position >= positions.length) {
        throw new IOException(
            "stored row has more values than its layout has fields (" + positions.length + ")");
      }
      String[] numbered = layout.codes()[position];
      int f = positions[position++];
      if (t == JsonToken.VALUE_NULL) {
        continue; // no value
      }
      if (f < 0) {
        p.skipChildren(); // a field since removed from the schema: not part of the data now
        continue;
      }
      reader.read(order[f], numbered, p, t);
    }
  }

  /**
   * The text of the value the parser is on: a code written as its number, the code it stands for in
   * {@code numbered}; anything else, its text.
   */
  private static String text(JsonParser p, JsonToken t, String[] numbered) throws IOException {
    if (numbered == null || t != JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    long n = p.getLongValue();
    if (n < 0 || n >= numbered.length) {
      throw new IOException(
          "stored code number " + n + " is not in its layout's list of " + numbered.length);
    }
    return numbered[(int) n];
  }

  private static void readAnswer(
      Field field, String[] numbered, JsonParser p, JsonToken t, AnswerSink sink)
      throws IOException {
    String id = field.id();
    if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        sink.tick(id, text(p, e, numbered));
      }
      return;
    }
    if (numbered != null && t == JsonToken.VALUE_NUMBER_INT) {
      String code = text(p, t, numbered);
      if (field.type() == FieldType.MULTI_CODE) {
        sink.tick(id, code);
      } else {
        sink.text(id, code);
      }
      return;
    }
    switch (field.type()) {
      case INTEGER ->
          sink.integer(
              id, t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : Long.parseLong(p.getText()));
      case DECIMAL -> sink.decimal(id, new BigDecimal(p.getText()));
      case DATE -> sink.date(id, isoDate(p.getText()));
      case MULTI_CODE -> sink.tick(id, p.getText());
      default -> sink.text(id, p.getText());
    }
  }

  private static Object readValue(Field field, String[] numbered, JsonParser p, JsonToken t)
      throws IOException {
    if (t == JsonToken.START_ARRAY) {
      Set<String> codes = new LinkedHashSet<>();
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        codes.add(text(p, e, numbered));
      }
      return Collections.unmodifiableSet(codes);
    }
    String text = text(p, t, numbered);
    if (numbered != null && t == JsonToken.VALUE_NUMBER_INT) {
      return field.type() == FieldType.MULTI_CODE ? Set.of(text) : text;
    }
    return switch (field.type()) {
      case INTEGER -> t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : Long.valueOf(text);
      case DECIMAL -> new BigDecimal(text);
      case DATE -> isoDate(text);
      case MULTI_CODE -> Set.of(text);
      default -> text;
    };
  }

  /**
   * A stored date ({@code yyyy-MM-dd}, as {@link LocalDate#toString()} writes it) read without the
   * formatter machinery of {@link LocalDate#parse}, which dominates reading dated rows back; any
   * other shape goes through {@code parse} (and its error).
   */
  static LocalDate isoDate(String text) {
    return isoDate(text, 0, text.length());
  }

  /**
   * {@link #isoDate(String)} of the characters {@code from} to {@code to} (exclusive) of {@code s}.
   */
  static LocalDate isoDate(String s, int from, int to) {
    if (to - from == 10 && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-') {
      int y = digits(s, from, from + 4);
      int m = digits(s, from + 5, from + 7);
      int d = digits(s, from + 8, from + 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d);
      }
    }
    return LocalDate.parse(s.substring(from, to));
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "stored row is not a JSON "
              + (expected == JsonToken.START_ARRAY ? "array" : "object")
              + " (found "
              + actual
              + ")");
    }
  }
}
