package org.idva.insights.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.idva.insights.model.PackageParts;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * An .xlsx return streamed with fastexcel-reader: each sheet's rows are parsed as they are handed
 * on, so memory does not grow with rows. Formula cells give their cached value.
 *
 * <p>When the inspection kept the return's parts, the rows written plainly are read straight from a
 * sheet's bytes ({@link SheetRowBytes}, about three times quicker), and fastexcel-reader takes over
 * from the first row that is not; the cells are the same either way ({@code SheetRowBytesTest}).
 */
final class FastexcelWorkbook implements RawWorkbook {
  private final String fileName;
  private final ReadableWorkbook workbook;
  private final List<RawSheet> sheets = new ArrayList<>();
  private final List<Sheet> fastSheets = new ArrayList<>();
  private final PackageBytes parts;
  private PartNames names;
  private boolean namesRead; // names stays null when the parts cannot be resolved exactly
  private SharedStrings strings;
  private long rowsFromBytes;

  FastexcelWorkbook(Path file, Map<String, List<RawSheet.CellRange>> merged)
      throws ReturnReadException {
    this(file, merged, null);
  }

  /**
   * @param parts the file's parts as the inspection inflated them, whose rows written plainly are
   *     read from their bytes ({@link SheetRowBytes}) rather than by fastexcel-reader: the same
   *     cells, sooner; or null to read every row with fastexcel-reader
   */
  FastexcelWorkbook(Path file, Map<String, List<RawSheet.CellRange>> merged, PackageBytes parts)
      throws ReturnReadException {
    this.fileName = file.getFileName().toString();
    this.parts = parts;
    ReadingOptions options = new ReadingOptions(false, false);
    try {
      // From the file: fastexcel-reader reads the workbook's sheet list there, and inflates a
      // sheet only for rows the bytes cannot give.
      workbook = new ReadableWorkbook(file.toFile(), options);
    } catch (IOException | RuntimeException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the workbook could not be opened (" + e.getMessage() + ")", e);
    }
    try (Stream<Sheet> all = workbook.getSheets()) {
      all.forEach(
          s -> {
            fastSheets.add(s);
            sheets.add(
                new RawSheet(
                    s.getName(),
                    s.getIndex(),
                    switch (s.getVisibility()) {
                      case HIDDEN -> RawSheet.Visibility.HIDDEN;
                      case VERY_HIDDEN -> RawSheet.Visibility.VERY_HIDDEN;
                      default -> RawSheet.Visibility.VISIBLE;
                    },
                    merged.getOrDefault(s.getName(), List.of())));
          });
    } catch (RuntimeException e) {
      closeQuietly();
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the workbook's sheet list is damaged (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public boolean date1904() {
    return workbook.isDate1904();
  }

  @Override
  public List<RawSheet> sheets() {
    return List.copyOf(sheets);
  }

  /**
   * A sheet's rows left open where a reader stopped early (the checks read the header rows first,
   * then the whole sheet), with the rows it had handed out: the next read of the sheet replays
   * those and carries on, instead of opening and parsing the sheet's start again.
   */
  private record Paused(SheetRows rows, List<RawRow> seen) {}

  /** At most this many rows are kept for a replay; a reader that stops later starts again. */
  static final int REPLAY_ROWS = 32;

  private final Map<Integer, Paused> paused = new HashMap<>();

  @Override
  public void readRows(RawSheet sheet, Predicate<RawRow> rows) throws IOException {
    int index = sheets.indexOf(sheet);
    Paused p = paused.remove(index);
    if (p != null) {
      for (RawRow row : p.seen()) {
        if (!rows.test(row)) {
          paused.put(index, p);
          return;
        }
      }
    }
    SheetRows open = null;
    try {
      open = p != null ? p.rows() : open(fastSheets.get(index));
      List<RawRow> seen = p != null ? p.seen() : new ArrayList<>();
      for (RawRow raw = open.next(); raw != null; raw = open.next()) {
        if (seen != null) {
          seen = seen.size() < REPLAY_ROWS ? seen : null;
          if (seen != null) {
            seen.add(raw);
          }
        }
        if (!rows.test(raw)) {
          if (seen != null) {
            paused.put(index, new Paused(open, seen));
            open = null;
          }
          return;
        }
      }
    } catch (UncheckedIOException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT,
          "sheet " + sheet.name() + " is damaged (" + e.getCause().getMessage() + ")",
          e);
    } catch (RuntimeException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "sheet " + sheet.name() + " is damaged (" + e.getMessage() + ")", e);
    } finally {
      if (open != null) {
        open.close();
      }
    }
  }

  /** Rows with cells read so far from the sheets' bytes rather than by fastexcel-reader. */
  long rowsFromBytes() {
    return rowsFromBytes;
  }

  /** A sheet's rows: from its bytes where it is written plainly, else from fastexcel-reader. */
  private SheetRows open(Sheet sheet) throws IOException {
    SheetRowBytes bytes = parts == null ? null : byteRows(sheet);
    return bytes != null ? new ByteRows(bytes, sheet, () -> rowsFromBytes++) : FastRows.open(sheet);
  }

  private SheetRowBytes byteRows(Sheet sheet) {
    if (!namesRead) {
      names = PartNames.of(parts);
      namesRead = true;
    }
    if (names == null) {
      return null;
    }
    String part = names.sheetPart(parts, sheet.getId());
    if (part == null) {
      return null;
    }
    if (strings == null) {
      strings =
          names.sharedStrings() == null
              ? SharedStrings.NONE
              : SharedStrings.read(parts.open(names.sharedStrings()));
    }
    return SheetStart.rows(parts.part(part), strings);
  }

  /** A sheet's rows that have cells, one at a time (null at the end). */
  private interface SheetRows {
    RawRow next();

    void close();
  }

  /** Rows as fastexcel-reader parses them. */
  private static final class FastRows implements SheetRows {
    private final Stream<Row> stream;
    private final Iterator<Row> it;
    private final List<RawCell> cells = new ArrayList<>();

    private FastRows(Stream<Row> stream) {
      this.stream = stream;
      this.it = stream.iterator();
    }

    static FastRows open(Sheet sheet) throws IOException {
      return new FastRows(sheet.openStream());
    }

    /** Passes over the first rows, read already by other means. */
    void skip(int rows) {
      for (int i = 0; i < rows && it.hasNext(); i++) {
        it.next();
      }
    }

    @Override
    public RawRow next() {
      while (it.hasNext()) {
        Row row = it.next();
        cells.clear();
        for (int i = 0, n = row.getCellCount(); i < n; i++) {
          Cell cell = row.getCell(i);
          if (cell != null) {
            RawCell raw = convert(cell);
            if (raw != null) {
              cells.add(raw);
            }
          }
        }
        if (!cells.isEmpty()) {
          return new RawRow(row.getRowNum(), cells);
        }
      }
      return null;
    }

    @Override
    public void close() {
      stream.close();
    }
  }

  /**
   * Rows from the sheet's bytes; from the first row the bytes cannot give, fastexcel-reader's rows
   * after the ones already read.
   */
  private static final class ByteRows implements SheetRows {
    private final SheetRowBytes bytes;
    private final Sheet sheet;
    private final Runnable counted;
    private FastRows fast;

    ByteRows(SheetRowBytes bytes, Sheet sheet, Runnable counted) {
      this.bytes = bytes;
      this.sheet = sheet;
      this.counted = counted;
    }

    @Override
    public RawRow next() {
      if (fast != null) {
        return fast.next();
      }
      while (true) {
        switch (bytes.next()) {
          case ROW -> {
            RawRow row = bytes.row();
            if (!row.cells().isEmpty()) {
              counted.run();
              return row;
            }
          }
          case END -> {
            return null;
          }
          default -> {
            try {
              fast = FastRows.open(sheet);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            fast.skip(bytes.rowsTaken());
            return fast.next();
          }
        }
      }
    }

    @Override
    public void close() {
      if (fast != null) {
        fast.close();
      }
    }
  }

  static RawCell convert(Cell cell) {
    int col = cell.getColumnIndex();
    switch (cell.getType()) {
      case NUMBER -> {
        return number(col, cell.getValue(), cell.getRawValue());
      }
      case STRING -> {
        String s = cell.asString();
        return s == null || s.isEmpty() ? null : RawCell.text(col, s);
      }
      case BOOLEAN -> {
        return new RawCell(
            col, RawCell.Kind.BOOLEAN, Boolean.TRUE.equals(cell.getValue()) ? "TRUE" : "FALSE", 0);
      }
      case ERROR -> {
        return new RawCell(col, RawCell.Kind.ERROR, cell.getRawValue(), 0);
      }
      case FORMULA -> {
        return cached(col, cell.getRawValue());
      }
      default -> {
        return null;
      }
    }
  }

  private static RawCell number(int col, Object value, String raw) {
    if (value instanceof BigDecimal d) {
      return RawCell.number(col, d.doubleValue(), raw);
    }
    return cached(col, raw);
  }

  /** A formula's cached value: a number when it parses as one, else text. */
  private static RawCell cached(int col, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(raw);
      return RawCell.number(col, d, HssfWorkbook.plain(d));
    } catch (NumberFormatException e) {
      return RawCell.text(col, raw);
    }
  }

  @Override
  public PackageParts parts() {
    return parts == null ? PackageParts.NONE : parts;
  }

  private void closeQuietly() {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  @Override
  public void close() throws IOException {
    for (Paused p : paused.values()) {
      p.rows().close();
    }
    paused.clear();
    workbook.close();
  }
}
