package org.idva.insights.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * One sheet's rows held column by column in primitive arrays: a code answer is an {@code int} index
 * into its code list ({@link #MISSING_CODE} when blank), a multi-code answer an {@code int} bitset
 * of ticked options (0 when nothing is ticked, i.e. Missing), numbers {@code double} (NaN when
 * blank), dates the epoch day ({@link #MISSING_DATE} when blank), identifiers and text {@code
 * String} (null when blank). Services are interned indexes.
 */
public final class SheetColumns {
  public static final int MISSING_CODE = -1;
  public static final int MISSING_DATE = Integer.MIN_VALUE;

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
      case CODE -> filled(new int[cap], MISSING_CODE);
      case MULTI_CODE -> new int[cap];
      case INTEGER, DECIMAL -> {
        double[] d = new double[cap];
        Arrays.fill(d, Double.NaN);
        yield d;
      }
      case DATE -> filled(new int[cap], MISSING_DATE);
      case IDENTIFIER, TEXT -> new String[cap];
    };
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

  /** Code indexes of a code field, or tick bitsets of a multi-code field. */
  public int[] codes(String id) {
    return (int[]) data[fieldIndex.get(id)];
  }

  public double[] numbers(String id) {
    return (double[]) data[fieldIndex.get(id)];
  }

  public int[] dates(String id) {
    return (int[]) data[fieldIndex.get(id)];
  }

  public String[] strings(String id) {
    return (String[]) data[fieldIndex.get(id)];
  }

  /** The index of a code in a field's code list; -1 when it is not in the list. */
  public int codeIndex(String id, String code) {
    Integer c = codeIndex[fieldIndex.get(id)].get(code);
    return c == null ? -1 : c;
  }

  /**
   * A sink that appends each row it is handed to these columns, its service numbered by {@code
   * serviceIndex}. Answers to fields the sheet does not have are ignored. An answer of another type
   * than its field's is read from its text (a number as {@link Double#parseDouble}, a date as
   * {@link LocalDate#parse}, a code looked up in the field's list; a code not in it is blank), a
   * code ticked on a field that is not multi-code is ignored.
   */
  AnswerSink loader(ToIntFunction<String> serviceIndex) {
    return new Loader(serviceIndex);
  }

  private final class Loader implements AnswerSink {
    private final ToIntFunction<String> serviceIndex;
    private int row = -1;

    Loader(ToIntFunction<String> serviceIndex) {
      this.serviceIndex = serviceIndex;
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
    private int code(int i, String code) {
      String[] list = codeList[i];
      for (int c = 0; c < list.length; c++) {
        if (list[c] == code) {
          return c;
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
        case CODE -> ((int[]) data[i])[row] = code(i, v); // MISSING_CODE when not in the list
        case MULTI_CODE -> tick(field, v);
        case INTEGER, DECIMAL -> ((double[]) data[i])[row] = Double.parseDouble(v);
        case DATE -> ((int[]) data[i])[row] = (int) LocalDate.parse(v).toEpochDay();
        case IDENTIFIER, TEXT -> ((String[]) data[i])[row] = v;
      }
    }

    @Override
    public void integer(String field, long v) {
      int i = column(field);
      if (i >= 0 && fields[i].type().isNumeric()) {
        ((double[]) data[i])[row] = v;
      } else if (i >= 0) {
        text(field, Long.toString(v));
      }
    }

    @Override
    public void decimal(String field, BigDecimal v) {
      int i = column(field);
      if (i >= 0 && fields[i].type().isNumeric()) {
        ((double[]) data[i])[row] = v.doubleValue();
      } else if (i >= 0) {
        text(field, v.toString());
      }
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
        ((int[]) data[i])[row] |= 1 << c;
      }
    }
  }

  /**
   * The given rows of this sheet (ascending), copied into new columns whose every row belongs to
   * service index 0 of {@code services}: one service's part of the sheet.
   */
  SheetColumns slice(int[] rows, List<String> services) {
    SheetColumns s = new SheetColumns(sheet, services, rows.length);
    for (int i = 0; i < fields.length; i++) {
      Object from = data[i];
      Object to = s.data[i];
      switch (fields[i].type()) {
        case CODE, MULTI_CODE, DATE -> gather((int[]) from, (int[]) to, rows);
        case INTEGER, DECIMAL -> {
          double[] a = (double[]) from;
          double[] b = (double[]) to;
          for (int r = 0; r < rows.length; r++) {
            b[r] = a[rows[r]];
          }
        }
        case IDENTIFIER, TEXT -> {
          String[] a = (String[]) from;
          String[] b = (String[]) to;
          for (int r = 0; r < rows.length; r++) {
            b[r] = a[rows[r]];
          }
        }
      }
    }
    s.size = rows.length;
    s.trim();
    return s;
  }

  private static void gather(int[] from, int[] to, int[] rows) {
    for (int r = 0; r < rows.length; r++) {
      to[r] = from[rows[r]];
    }
  }

  /** Drops the spare capacity of every column once the sheet is loaded. */
  void trim() {
    if (service.length == size) {
      return;
    }
    service = Arrays.copyOf(service, size);
    for (int i = 0; i < fields.length; i++) {
      Object b = newArray(fields[i], size);
      System.arraycopy(data[i], 0, b, 0, size);
      data[i] = b;
    }
  }

  private void grow() {
    int cap = service.length * 2;
    service = Arrays.copyOf(service, cap);
    for (int i = 0; i < fields.length; i++) {
      Object a = data[i];
      Object b = newArray(fields[i], cap);
      System.arraycopy(a, 0, b, 0, size);
      data[i] = b;
    }
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
