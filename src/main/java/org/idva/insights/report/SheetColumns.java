package org.idva.insights.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * One sheet's rows held column by column in primitive arrays: a code answer is a {@code byte} index
 * into its code list ({@link #MISSING_CODE} when blank), a multi-code answer a bitset of ticked
 * options ({@code char} for a list of up to 16 codes, else {@code int}) (0 when nothing is ticked,
 * i.e. Missing), whole numbers {@code int} ({@link #MISSING_INT} when blank; a column that meets a
 * value that is not a whole {@code int} turns into {@code double} for good), other numbers {@code
 * double} (NaN when blank), dates the epoch day ({@link #MISSING_DATE} when blank). Identifiers and
 * text are {@code int} numbers ({@link #MISSING_ID} when blank) given by an {@link IdNumbers} while
 * loading: equal numbers are the same value of the same service, which is all the tables ask of
 * them, so the strings are not kept. Services are interned indexes.
 */
public final class SheetColumns {
  public static final int MISSING_CODE = -1;
  public static final int MISSING_DATE = Integer.MIN_VALUE;
  public static final int MISSING_ID = -1;
  public static final int MISSING_INT = Integer.MIN_VALUE;

  private final SheetDefinition sheet;
  private final Map<String, Integer> fieldIndex = new HashMap<>();
  private final Field[] fields;
  private final Map<String, Integer>[] codeIndex;
  private final String[][] codeList; // per coded field: its codes in list order
  private final Object[] data;
  private final List<String> services;
  private int[] service;
  private int size;

  @SuppressWarnings("unchecked")
  SheetColumns(SheetDefinition sheet, List<String> services, int capacity) {
    this.sheet = sheet;
    this.services = services;
    this.fields = sheet.fields().toArray(new Field[0]);
    this.codeIndex = new Map[fields.length];
    this.codeList = new String[fields.length][];
    this.data = new Object[fields.length];
    int cap = Math.max(capacity, 16);
    this.service = new int[cap];
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      fieldIndex.put(f.id(), i);
      if (f.type().isCoded()) {
        if (f.codeList().codes().size() > 31) {
          throw new IllegalStateException(
              "code list " + f.codeList().id() + " has more than 31 codes; widen the bitset");
        }
        Map<String, Integer> idx = new HashMap<>();
        List<Code> codes = f.codeList().codes();
        for (int c = 0; c < codes.size(); c++) {
          idx.put(codes.get(c).code(), c);
        }
        codeIndex[i] = idx;
        codeList[i] = codes.stream().map(Code::code).toArray(String[]::new);
      }
      data[i] = newArray(f, cap);
    }
  }

  private static Object newArray(Field f, int cap) {
    return switch (f.type()) {
      case CODE -> {
        byte[] b = new byte[cap];
        Arrays.fill(b, (byte) MISSING_CODE);
        yield b;
      }
      case MULTI_CODE ->
          f.codeList().codes().size() <= Character.SIZE ? new char[cap] : new int[cap];
      case INTEGER -> filled(new int[cap], MISSING_INT);
      case DECIMAL -> blankNumbers(cap);
      case DATE -> filled(new int[cap], MISSING_DATE);
      case IDENTIFIER, TEXT -> filled(new int[cap], MISSING_ID);
    };
  }

  private static double[] blankNumbers(int cap) {
    double[] d = new double[cap];
    Arrays.fill(d, Double.NaN);
    return d;
  }

  private static int[] filled(int[] a, int v) {
    Arrays.fill(a, v);
    return a;
  }

  public SheetDefinition definition() {
    return sheet;
  }

  public String ref() {
    return sheet.ref();
  }

  public int size() {
    return size;
  }

  /** The interned service index of a row; {@link #serviceCode(int)} names it. */
  public int service(int row) {
    return service[row];
  }

  public String serviceCode(int row) {
    return services.get(service[row]);
  }

  public boolean hasField(String id) {
    return fieldIndex.containsKey(id);
  }

  public Field field(String id) {
    Integer i = fieldIndex.get(id);
    if (i == null) {
      throw new IllegalArgumentException("sheet " + sheet.ref() + " has no field " + id);
    }
    return fields[i];
  }

  /** The code indexes of a code field ({@link #MISSING_CODE} when blank). */
  public byte[] codes(String id) {
    return (byte[]) data[fieldIndex.get(id)];
  }

  /** The tick bitsets of a multi-code field (0 when nothing is ticked). */
  public IntUnaryOperator ticks(String id) {
    Object a = data[fieldIndex.get(id)];
    if (a instanceof char[] few) {
      return i -> few[i];
    }
    int[] many = (int[]) a;
    return i -> many[i];
  }

  /** A number field's values (NaN when blank), read from whichever array holds them. */
  public IntToDoubleFunction numbers(String id) {
    Object a = data[fieldIndex.get(id)];
    if (a instanceof int[] whole) {
      return i -> whole[i] == MISSING_INT ? Double.NaN : whole[i];
    }
    double[] d = (double[]) a;
    return i -> d[i];
  }

  public int[] dates(String id) {
    return (int[]) data[fieldIndex.get(id)];
  }

  /**
   * The numbers of an identifier or text field's values ({@link #MISSING_ID} when blank): equal
   * numbers are equal values of the same service.
   */
  public int[] identifiers(String id) {
    return (int[]) data[fieldIndex.get(id)];
  }

  /** The index of a code in a field's code list; -1 when it is not in the list. */
  public int codeIndex(String id, String code) {
    Integer c = codeIndex[fieldIndex.get(id)].get(code);
    return c == null ? -1 : c;
  }

  /**
   * A sink that appends each row it is handed to these columns, its service numbered by {@code
   * serviceIndex} and each identifier or text value by the {@link IdNumbers} that {@code
   * identifiers} gives for its field id. Answers to fields the sheet does not have are ignored. An
   * answer of another type than its field's is read from its text (a number as {@link
   * Double#parseDouble}, a date as {@link LocalDate#parse}, a code looked up in the field's list; a
   * code not in it is blank), a code ticked on a field that is not multi-code is ignored.
   */
  AnswerSink loader(ToIntFunction<String> serviceIndex, Function<String, IdNumbers> identifiers) {
    return new Loader(serviceIndex, identifiers);
  }

  private final class Loader implements AnswerSink {
    private final ToIntFunction<String> serviceIndex;
    private final IdNumbers[] numbers = new IdNumbers[fields.length];
    private int row = -1;

    Loader(ToIntFunction<String> serviceIndex, Function<String, IdNumbers> identifiers) {
      this.serviceIndex = serviceIndex;
      for (int i = 0; i < fields.length; i++) {
        FieldType t = fields[i].type();
        if (t == FieldType.IDENTIFIER || t == FieldType.TEXT) {
          numbers[i] = identifiers.apply(fields[i].id());
        }
      }
    }

    @Override
    public void row(String serviceCode) {
      if (size == service.length) {
        grow();
      }
      row = size++;
      service[row] = serviceIndex.applyAsInt(serviceCode);
    }

    private int last = -1;

    /**
     * The column index of a field, or -1 when the sheet has no such field. Answers come in the
     * sheet's field order from the store, so the field after the last one asked for (or the same
     * one again) is tried first, by identity.
     */
    private int column(String field) {
      if (last >= 0 && fields[last].id() == field) {
        return last;
      }
      for (int i = last + 1; i < Math.min(last + 4, fields.length); i++) {
        if (fields[i].id() == field) {
          last = i;
          return i;
        }
      }
      Integer i = fieldIndex.get(field);
      if (i != null) {
        last = i;
      }
      return i == null ? -1 : i;
    }

    /**
     * The index of a code in a coded column's list (-1: not in it); the schema's own string is
     * found by identity.
     */
    /**
     * Up to this many codes, a code is looked for by identity along the list (the reader hands on
     * the schema's own strings); a longer list (local authorities, say) is looked up by hash.
     */
    private static final int SHORT_LIST = 8;

    private int code(int i, String code) {
      String[] list = codeList[i];
      if (list.length <= SHORT_LIST) {
        for (int c = 0; c < list.length; c++) {
          if (list[c] == code) {
            return c;
          }
        }
      }
      Integer c = codeIndex[i].get(code);
      return c == null ? -1 : c;
    }

    @Override
    public void text(String field, String v) {
      int i = column(field);
      if (i < 0) {
        return;
      }
      switch (fields[i].type()) {
        case CODE -> ((byte[]) data[i])[row] = (byte) code(i, v); // MISSING_CODE if not listed
        case MULTI_CODE -> tick(field, v);
        case INTEGER, DECIMAL -> number(i, Double.parseDouble(v));
        case DATE -> ((int[]) data[i])[row] = (int) LocalDate.parse(v).toEpochDay();
        case IDENTIFIER, TEXT -> ((int[]) data[i])[row] = numbers[i].number(service[row], v);
      }
    }

    @Override
    public void integer(String field, long v) {
      int i = column(field);
      if (i >= 0 && fields[i].type().isNumeric()) {
        number(i, v);
      } else if (i >= 0) {
        text(field, Long.toString(v));
      }
    }

    @Override
    public void decimal(String field, BigDecimal v) {
      int i = column(field);
      if (i >= 0 && fields[i].type().isNumeric()) {
        number(i, v.doubleValue());
      } else if (i >= 0) {
        text(field, v.toString());
      }
    }

    /** A number into column {@code i}: as an int while the column holds whole numbers only. */
    private void number(int i, double v) {
      if (data[i] instanceof int[] whole) {
        if (v == (int) v && (int) v != MISSING_INT) {
          whole[row] = (int) v;
          return;
        }
        data[i] = asDoubles(whole);
      }
      ((double[]) data[i])[row] = v;
    }

    @Override
    public void date(String field, LocalDate v) {
      int i = column(field);
      if (i >= 0 && fields[i].type() == FieldType.DATE) {
        ((int[]) data[i])[row] = (int) v.toEpochDay();
      } else if (i >= 0) {
        text(field, v.toString());
      }
    }

    @Override
    public void tick(String field, String code) {
      int i = column(field);
      if (i < 0 || fields[i].type() != FieldType.MULTI_CODE) {
        return;
      }
      int c = code(i, code);
      if (c >= 0) {
        if (data[i] instanceof char[] few) {
          few[row] |= (char) (1 << c);
        } else {
          ((int[]) data[i])[row] |= 1 << c;
        }
      }
    }
  }

  /**
   * The given rows of this sheet (ascending), copied into new columns whose every row belongs to
   * service index 0 of {@code services}: one service's part of the sheet.
   */
  SheetColumns slice(int[] rows, List<String> services) {
    SheetColumns s = new SheetColumns(sheet, services, 0);
    for (int i = 0; i < fields.length; i++) {
      s.data[i] = gather(data[i], rows);
    }
    s.service = new int[rows.length];
    s.size = rows.length;
    return s;
  }

  private static Object gather(Object from, int[] rows) {
    if (from instanceof byte[] a) {
      byte[] b = new byte[rows.length];
      for (int r = 0; r < rows.length; r++) {
        b[r] = a[rows[r]];
      }
      return b;
    }
    if (from instanceof char[] a) {
      char[] b = new char[rows.length];
      for (int r = 0; r < rows.length; r++) {
        b[r] = a[rows[r]];
      }
      return b;
    }
    if (from instanceof int[] a) {
      int[] b = new int[rows.length];
      for (int r = 0; r < rows.length; r++) {
        b[r] = a[rows[r]];
      }
      return b;
    }
    double[] a = (double[]) from;
    double[] b = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      b[r] = a[rows[r]];
    }
    return b;
  }

  /** A whole-number column as doubles, blanks as NaN: once it has met a value that is not. */
  private static double[] asDoubles(int[] whole) {
    double[] d = new double[whole.length];
    for (int r = 0; r < whole.length; r++) {
      d[r] = whole[r] == MISSING_INT ? Double.NaN : whole[r];
    }
    return d;
  }

  /** Drops the spare capacity of every column once the sheet is loaded. */
  void trim() {
    if (service.length == size) {
      return;
    }
    service = Arrays.copyOf(service, size);
    for (int i = 0; i < fields.length; i++) {
      data[i] = resized(fields[i], data[i], size);
    }
  }

  private void grow() {
    int cap = service.length * 2;
    service = Arrays.copyOf(service, cap);
    for (int i = 0; i < fields.length; i++) {
      data[i] = resized(fields[i], data[i], cap);
    }
  }

  /** A column copied into {@code cap} rows: its first {@link #size} rows, then blanks. */
  private Object resized(Field f, Object a, int cap) {
    Object b = a instanceof double[] ? blankNumbers(cap) : newArray(f, cap);
    System.arraycopy(a, 0, b, 0, Math.min(size, cap));
    return b;
  }

  /** The names of every field held, for diagnostics. */
  List<String> fieldIds() {
    List<String> ids = new ArrayList<>();
    for (Field f : fields) {
      ids.add(f.id());
    }
    return ids;
  }
}
