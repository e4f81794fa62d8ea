package org.idva.insights.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;

/**
 * Reads a stored row's values in the compact shape {@link RowCodec#encode} writes ({@code
 * [value,null,value,...]} in a layout's field order: no white space, string values without escapes,
 * integers as plain digits), or in the object shape rows had before layouts ({@code
 * {"field":value,...}}, the sheet's fields in its order), without a general JSON parser, handing
 * them to an {@link AnswerSink} exactly as {@link RowCodec#read} would: the field ids and codes
 * handed on are the schema's own strings, found by comparing characters, so no string is made for a
 * field name or a known code. A row of any other shape (white space, an escape, a key the sheet
 * does not have, more values than its layout, a number with a fraction...) is recognised before a
 * single answer is handed on: {@link #read} returns false and the caller reads the row with the
 * general parser.
 *
 * <p>One reader per stream of rows: it keeps the positions of one row's values between parsing and
 * handing them on.
 */
final class CompactRowReader {
  private static final int STRING = 0;
  private static final int NUMBER = 1;
  private static final int ARRAY = 2;

  /** A value of a coded field found in its list while scanning: {@code start} is its slot. */
  private static final int CODE_FOUND = 3;

  /** One tick of a list found in the field's code list while scanning: its slot. */
  private static final int TICK_FOUND = 4;

  /** One tick of a list not found in the field's code list while scanning: its text. */
  private static final int TICK_TEXT = 5;

  /** A code written as its number in the layout's list: {@code start} its position, then it. */
  private static final int NUMBERED = 6;

  /** One tick of a list written as its number: as {@link #NUMBERED}. */
  private static final int NUMBERED_TICK = 7;

  private static final int MAX_DIGITS = 18; // any 18-digit number fits a long

  private final Field[] fields;
  private final CodeTable[] codes; // per field: its code list's codes; null when not coded
  private final byte[][] asciiIds; // per field: its id's bytes when it is ASCII; else null

  // one row's values: field index, kind, first char and end (exclusive) of the value's text
  private int count;
  private int[] field = new int[64];
  private int[] kind = new int[64];
  private int[] start = new int[64];
  private int[] end = new int[64];

  CompactRowReader(List<Field> sheetFields) {
    this.fields = sheetFields.toArray(new Field[0]);
    this.codes = new CodeTable[fields.length];
    this.asciiIds = new byte[fields.length][];
    for (int i = 0; i < fields.length; i++) {
      String id = fields[i].id();
      if (id.chars().allMatch(c -> c < 0x80)) {
        asciiIds[i] = id.getBytes(StandardCharsets.US_ASCII);
      }
    }
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].type().isCoded()) {
        codes[i] =
            new CodeTable(
                fields[i].codeList().codes().stream().map(Code::code).toArray(String[]::new));
      }
    }
  }

  /**
   * Hands the row's values to {@code sink} and returns true; or, when the row is not in the compact
   * shape, hands on nothing and returns false. {@code layout}: the row's ({@link
   * RowCodec#layoutOf}), or null for a row stored as an object.
   */
  boolean read(String json, StoredLayout layout, AnswerSink sink) {
    int[] values = scanned(json, layout);
    if (values == null) {
      return false;
    }
    hand(json, layout, values, sink);
    return true;
  }

  /**
   * The row's values found, four ints each (field, kind, start, end), for {@link #hand(String,
   * StoredLayout, int[], AnswerSink)} to hand on, maybe on another thread; null when the row is not
   * in the compact shape. The scan a thread does ahead of the one that hands the values on.
   */
  int[] scanned(String json, StoredLayout layout) {
    if (!scan(json, layout)) {
      return null;
    }
    int[] values = new int[4 * count];
    for (int a = 0; a < count; a++) {
      values[4 * a] = field[a];
      values[4 * a + 1] = kind[a];
      values[4 * a + 2] = start[a];
      values[4 * a + 3] = end[a];
    }
    return values;
  }

  /** Hands on the values {@link #scanned} found in {@code json}, as {@link #read} does. */
  void hand(String json, StoredLayout layout, int[] values, AnswerSink sink) {
    for (int a = 0; a < values.length; a += 4) {
      hand(json, layout, values[a], values[a + 1], values[a + 2], values[a + 3], sink);
    }
  }

  /**
   * Finds every value of the row; false at the first thing the compact shape does not have. The
   * scan reads the row's characters as bytes, one per character (a character ISO-8859-1 cannot hold
   * becomes {@code ?}, which means nothing to the shape), so the positions it finds are the
   * string's; a row with a character outside Unicode's basic plane (two chars, one {@code ?}) is
   * left to the parser.
   */
  private boolean scan(String json, StoredLayout layout) {
    count = 0;
    byte[] s = json.getBytes(StandardCharsets.ISO_8859_1);
    int n = s.length;
    if (n != json.length()) {
      return false; // a character outside the basic plane took one byte for its two: the parser's
    }
    if (layout != null) {
      return scanArray(s, layout);
    }
    if (n < 2 || s[0] != '{') {
      return false;
    }
    if (n == 2) {
      return s[1] == '}';
    }
    int pos = 1;
    int next = 0; // the field expected next: fields are written in the sheet's order
    while (true) {
      if (pos >= n || s[pos] != '"') {
        return false;
      }
      int keyEnd = stringEnd(s, pos + 1);
      if (keyEnd < 0) {
        return false;
      }
      int f = fieldAt(json, s, pos + 1, keyEnd, next);
      if (f < 0) {
        return false;
      }
      next = f + 1;
      pos = keyEnd + 1;
      if (pos >= n || s[pos] != ':') {
        return false;
      }
      pos++;
      if (pos >= n) {
        return false;
      }
      pos = value(s, pos, f, null, 0);
      if (pos < 0) {
        return false;
      }
      pos = afterValue(s, pos, (byte) '}');
      if (pos < 0) {
        return pos == DONE;
      }
    }
  }

  /** {@link #scan} of a row in a layout: {@code [value,null,...]}, position by position. */
  private boolean scanArray(byte[] s, StoredLayout layout) {
    int[] positions = layout.fields();
    int n = s.length;
    if (n < 2 || s[0] != '[') {
      return false;
    }
    if (n == 2) {
      return s[1] == ']';
    }
    int pos = 1;
    for (int position = 0; ; position++) {
      if (pos >= n || position >= positions.length) {
        return false;
      }
      byte c = s[pos];
      if (c == 'n') {
        if (pos + 4 > n || s[pos + 1] != 'u' || s[pos + 2] != 'l' || s[pos + 3] != 'l') {
          return false;
        }
        pos += 4;
      } else {
        // none kept for a field since removed
        pos = value(s, pos, positions[position], layout.codes()[position], position);
        if (pos < 0) {
          return false;
        }
      }
      pos = afterValue(s, pos, (byte) ']');
      if (pos < 0) {
        return pos == DONE;
      }
    }
  }

  /** What {@link #afterValue} gives at the row's closing bracket or brace, its last character. */
  private static final int DONE = -2;

  /**
   * Where the next value starts, past the comma at {@code pos}; {@link #DONE} when {@code pos} is
   * the row's last character and {@code close}; -1 for anything else.
   */
  private static int afterValue(byte[] s, int pos, byte close) {
    if (pos >= s.length) {
      return -1;
    }
    byte after = s[pos];
    if (after == close) {
      return pos == s.length - 1 ? DONE : -1;
    }
    return after == ',' ? pos + 1 : -1;
  }

  /**
   * Finds the value starting at {@code pos} and keeps it as field {@code f}'s (none when {@code f}
   * is negative); the position past it, or -1 when it is not a value the compact shape has.
   */
  private int value(byte[] s, int pos, int f, String[] numbered, int position) {
    int k = kindOf(s[pos]);
    if (k < 0) {
      return -1;
    }
    int from = k == NUMBER ? pos : pos + 1; // a string's or list's text starts after its quote
    if (numbered != null && f >= 0) {
      return fields[f].type().isCoded() ? numberedValue(s, k, from, f, numbered, position) : -1;
    }
    int valueEnd = valueEnd(s, k, from);
    if (valueEnd < 0) {
      return -1;
    }
    if (f >= 0) {
      if (k == NUMBER || codes[f] == null) {
        add(f, k, from, valueEnd);
      } else if (k == STRING) {
        addText(s, f, STRING, from, valueEnd);
      } else {
        for (int at = from; at < valueEnd; ) { // each tick (arrayEnd has checked their shape)
          int e = stringEnd(s, at + 1);
          addText(s, f, TICK_TEXT, at + 1, e);
          at = e + 2;
        }
      }
    }
    return k == NUMBER ? valueEnd : valueEnd + 1; // past the closing quote or bracket
  }

  /**
   * {@link #value} of a coded field whose layout numbers its codes ({@code numbered}): a number, a
   * string, or a list of numbers and strings; each number must be one of the list's.
   */
  private int numberedValue(byte[] s, int k, int from, int f, String[] numbered, int position) {
    if (k == NUMBER) {
      int end = numberEnd(s, from);
      int n = end < 0 ? -1 : codeNumber(s, from, end, numbered.length);
      if (n < 0) {
        return -1;
      }
      add(f, NUMBERED, position, n);
      return end;
    }
    if (k == STRING) {
      int end = stringEnd(s, from);
      if (end < 0) {
        return -1;
      }
      addText(s, f, STRING, from, end);
      return end + 1;
    }
    int pos = from; // a list: numbers and strings
    if (pos < s.length && s[pos] == ']') {
      return pos + 1;
    }
    while (pos < s.length) {
      int end;
      if (s[pos] == '"') {
        end = stringEnd(s, pos + 1);
        if (end < 0) {
          return -1;
        }
        addText(s, f, TICK_TEXT, pos + 1, end);
        end++;
      } else {
        end = numberEnd(s, pos);
        int n = end < 0 ? -1 : codeNumber(s, pos, end, numbered.length);
        if (n < 0) {
          return -1;
        }
        add(f, NUMBERED_TICK, position, n);
      }
      if (end >= s.length) {
        return -1;
      }
      if (s[end] == ']') {
        return end + 1;
      }
      if (s[end] != ',') {
        return -1;
      }
      pos = end + 1;
    }
    return -1;
  }

  /**
   * The number written in {@code s[from, to)} when it is one of a list of {@code size}; else -1.
   */
  private static int codeNumber(byte[] s, int from, int to, int size) {
    if (s[from] == '-' || to - from > 9) {
      return -1;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s[i] - '0');
    }
    return n < size ? n : -1;
  }

  /**
   * Keeps a string value (or a tick, {@code kind} {@link #TICK_TEXT}) of coded field {@code f}: as
   * the code of the field's list it is when the list is searched by bytes, else as its text.
   */
  private void addText(byte[] s, int f, int kind, int from, int to) {
    CodeTable table = codes[f];
    int slot = table != null && table.byBytes() ? table.slotOf(s, from, to) : -1;
    if (slot >= 0) {
      add(f, kind == STRING ? CODE_FOUND : TICK_FOUND, slot, 0);
    } else {
      add(f, kind, from, to);
    }
  }

  /** The kind of value a value's first character starts; -1 for none the compact shape has. */
  private static int kindOf(byte c) {
    if (c == '"') {
      return STRING;
    } else if (c == '[') {
      return ARRAY;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      return NUMBER;
    }
    return -1;
  }

  /** Where a value of kind {@code k} whose text starts at {@code from} ends; -1 if it does not. */
  private static int valueEnd(byte[] s, int k, int from) {
    return switch (k) {
      case STRING -> stringEnd(s, from);
      case ARRAY -> arrayEnd(s, from);
      default -> numberEnd(s, from);
    };
  }

  /**
   * The index of the closing quote of a string starting at {@code from}; -1 when it holds an escape
   * or a control character (not the compact shape), or does not end.
   */
  private static int stringEnd(byte[] s, int from) {
    for (int i = from; i < s.length; i++) {
      byte c = s[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        return -1;
      }
    }
    return -1;
  }

  /** The index of the {@code ]} of an array of strings starting after its {@code [}; or -1. */
  private static int arrayEnd(byte[] s, int from) {
    int pos = from;
    if (pos < s.length && s[pos] == ']') {
      return pos;
    }
    while (pos < s.length && s[pos] == '"') {
      int e = stringEnd(s, pos + 1);
      if (e < 0 || e + 1 >= s.length) {
        return -1;
      }
      byte c = s[e + 1];
      if (c == ']') {
        return e + 1;
      }
      if (c != ',') {
        return -1;
      }
      pos = e + 2;
    }
    return -1;
  }

  /** The end of an integer written as JSON writes it (no leading zeros); -1 for anything else. */
  private static int numberEnd(byte[] s, int from) {
    int pos = s[from] == '-' ? from + 1 : from;
    int first = pos;
    while (pos < s.length && s[pos] >= '0' && s[pos] <= '9') {
      pos++;
    }
    int digits = pos - first;
    if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && s[first] == '0')) {
      return -1;
    }
    if (pos < s.length) {
      byte c = s[pos];
      if (c == '.' || c == 'e' || c == 'E') {
        return -1;
      }
    }
    return pos;
  }

  /** The field whose id is the key's text, looked for from {@code next} on first; -1 if none. */
  private int fieldAt(String json, byte[] s, int from, int to, int next) {
    for (int i = next; i < fields.length; i++) {
      if (sameKey(json, s, from, to, i)) {
        return i;
      }
    }
    for (int i = 0; i < Math.min(next, fields.length); i++) {
      if (sameKey(json, s, from, to, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the key's text is field {@code i}'s id: by bytes when the id is ASCII. */
  private boolean sameKey(String json, byte[] s, int from, int to, int i) {
    byte[] id = asciiIds[i];
    if (id == null) {
      return same(json, from, to, fields[i].id());
    }
    int n = to - from;
    return id.length == n
        && (n == 0
            || (s[to - 1] == id[n - 1]
                && s[from] == id[0]
                && Arrays.equals(s, from, to, id, 0, n)));
  }

  private static boolean same(String s, int from, int to, String text) {
    int n = to - from;
    return text.length() == n
        && (n == 0
            || (s.charAt(to - 1) == text.charAt(n - 1)
                && s.charAt(from) == text.charAt(0)
                && s.regionMatches(from, text, 0, n)));
  }

  private void add(int f, int k, int from, int to) {
    if (count == field.length) {
      int cap = count * 2;
      field = Arrays.copyOf(field, cap);
      kind = Arrays.copyOf(kind, cap);
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
    }
    field[count] = f;
    kind[count] = k;
    start[count] = from;
    end[count] = to;
    count++;
  }

  /** Hands on one value, typed as {@code RowCodec.readAnswer} types the same token. */
  private void hand(
      String s, StoredLayout layout, int f, int kind, int from, int to, AnswerSink sink) {
    String id = fields[f].id();
    if (kind == TICK_FOUND) {
      sink.tick(id, codes[f].at(from));
      return;
    } else if (kind == TICK_TEXT) {
      sink.tick(id, code(s, f, from, to));
      return;
    } else if (kind == NUMBERED_TICK) {
      sink.tick(id, layout.code(from, to));
      return;
    } else if (kind == CODE_FOUND || kind == NUMBERED) {
      String code = kind == NUMBERED ? layout.code(from, to) : codes[f].at(from);
      if (fields[f].type() == FieldType.MULTI_CODE) {
        sink.tick(id, code);
      } else {
        sink.text(id, code);
      }
      return;
    }
    if (kind == ARRAY) {
      int pos = from;
      while (pos < to) {
        int e = s.indexOf('"', pos + 1);
        sink.tick(id, code(s, f, pos + 1, e));
        pos = e + 2;
      }
      return;
    }
    FieldType type = fields[f].type();
    if (kind == NUMBER && type == FieldType.INTEGER) {
      sink.integer(id, digits(s, from, to));
      return;
    }
    switch (type) {
      case INTEGER -> sink.integer(id, Long.parseLong(s.substring(from, to)));
      case DECIMAL -> sink.decimal(id, new BigDecimal(s.substring(from, to)));
      case DATE -> sink.date(id, RowCodec.isoDate(s, from, to));
      case MULTI_CODE -> sink.tick(id, code(s, f, from, to));
      case CODE -> sink.text(id, code(s, f, from, to));
      default -> sink.text(id, s.substring(from, to));
    }
  }

  /** The schema's own string of a code of field {@code f}; a new one when it is not in the list. */
  private String code(String s, int f, int from, int to) {
    CodeTable table = codes[f];
    String c = table == null ? null : table.find(s, from, to);
    return c != null ? c : s.substring(from, to);
  }

  /**
   * A code list's codes by their hash, found from a stretch of the row's text without making a
   * string of it (the lists run to hundreds of codes: a local authority, say).
   */
  static final class CodeTable {
    private final String[] slots;

    /**
     * Per slot, its code's characters as the scan reads them, one byte each; null when a code has a
     * character the scan cannot tell from another ({@code ?}, or one ISO-8859-1 does not hold,
     * which the scan reads as {@code ?}).
     */
    private final byte[][] bytes;

    CodeTable(String[] codes) {
      int size = Integer.highestOneBit(Math.max(2, codes.length) * 2 - 1) << 1;
      slots = new String[size];
      for (String c : codes) {
        int i = slot(c.hashCode());
        while (slots[i] != null && !slots[i].equals(c)) {
          i = (i + 1) & (slots.length - 1);
        }
        if (slots[i] == null) {
          slots[i] = c; // of equal codes, the first is kept, as a search of the list finds it
        }
      }
      byte[][] b = new byte[size][];
      for (int i = 0; i < size && b != null; i++) {
        String c = slots[i];
        if (c != null) {
          b[i] =
              c.chars().allMatch(ch -> ch < 0x100 && ch != '?')
                  ? c.getBytes(StandardCharsets.ISO_8859_1)
                  : null;
          if (b[i] == null) {
            b = null;
          }
        }
      }
      this.bytes = b;
    }

    /** Whether {@link #slotOf} may be asked: every code's characters read as one byte each. */
    boolean byBytes() {
      return bytes != null;
    }

    /**
     * The slot of the code whose characters are {@code s[from, to)} as the scan reads them (one
     * byte each), or -1 when the list has none such; only when {@link #byBytes}.
     */
    int slotOf(byte[] s, int from, int to) {
      int h = 0;
      for (int k = from; k < to; k++) {
        h = 31 * h + (s[k] & 0xff); // as String.hashCode of those characters
      }
      int n = to - from;
      for (int i = slot(h); slots[i] != null; i = (i + 1) & (slots.length - 1)) {
        byte[] code = bytes[i];
        if (code.length == n && Arrays.equals(s, from, to, code, 0, n)) {
          return i;
        }
      }
      return -1;
    }

    /** The code in {@code slot} (from {@link #slotOf}). */
    String at(int slot) {
      return slots[slot];
    }

    private int slot(int h) {
      return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    /** The code written in {@code s[from, to)}, or null when the list has none such. */
    String find(String s, int from, int to) {
      int h = 0;
      for (int k = from; k < to; k++) {
        h = 31 * h + s.charAt(k); // as String.hashCode
      }
      for (int i = slot(h); slots[i] != null; i = (i + 1) & (slots.length - 1)) {
        if (same(s, from, to, slots[i])) {
          return slots[i];
        }
      }
      return null;
    }
  }

  private static long digits(String s, int from, int to) {
    boolean negative = s.charAt(from) == '-';
    long v = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return negative ? -v : v;
  }
}
