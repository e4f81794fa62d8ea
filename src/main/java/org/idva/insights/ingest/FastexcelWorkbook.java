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
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * An .xlsx return streamed with fastexcel-reader: each sheet's rows are parsed as they are handed
 * on, so memory does not grow with rows. Formula cells give their cached value.
 */
final class FastexcelWorkbook implements RawWorkbook {
  private final String fileName;
  private final ReadableWorkbook workbook;
  private final List<RawSheet> sheets = new ArrayList<>();
  private final List<Sheet> fastSheets = new ArrayList<>();

  FastexcelWorkbook(Path file, Map<String, List<RawSheet.CellRange>> merged)
      throws ReturnReadException {
    this(file, merged, null);
  }

  /**
   * @param repacked the file's parts as the inspection inflated them, as an uncompressed zip, or
   *     null to read the file itself
   */
  FastexcelWorkbook(
      Path file, Map<String, List<RawSheet.CellRange>> merged, java.io.InputStream repacked)
      throws ReturnReadException {
    this.fileName = file.getFileName().toString();
    ReadingOptions options = new ReadingOptions(false, false);
    try {
      workbook =
          repacked != null
              ? new ReadableWorkbook(repacked, options)
              : new ReadableWorkbook(file.toFile(), options);
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
   * A sheet's row stream left open where a reader stopped early (the checks read the header rows
   * first, then the whole sheet), with the rows it had handed out: the next read of the sheet
   * replays those and carries on, instead of opening and parsing the sheet's start again.
   */
  private record Paused(Stream<Row> stream, Iterator<Row> rows, List<RawRow> seen) {}

  /** At most this many rows are kept for a replay; a reader that stops later starts again. */
  static final int REPLAY_ROWS = 32;

  private final Map<Integer, Paused> paused = new HashMap<>();

  @Override
  public void readRows(RawSheet sheet, Predicate<RawRow> rows) throws IOException {
    int index = sheets.indexOf(sheet);
    Sheet fast = fastSheets.get(index);
    Paused p = paused.remove(index);
    if (p != null) {
      for (RawRow row : p.seen()) {
        if (!rows.test(row)) {
          paused.put(index, p);
          return;
        }
      }
    }
    Stream<Row> stream = null;
    try {
      stream = p != null ? p.stream() : fast.openStream();
      Iterator<Row> it = p != null ? p.rows() : stream.iterator();
      List<RawRow> seen = p != null ? p.seen() : new ArrayList<>();
      List<RawCell> cells = new ArrayList<>();
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
        if (cells.isEmpty()) {
          continue;
        }
        RawRow raw = new RawRow(row.getRowNum(), cells);
        if (seen != null) {
          seen = seen.size() < REPLAY_ROWS ? seen : null;
          if (seen != null) {
            seen.add(raw);
          }
        }
        if (!rows.test(raw)) {
          if (seen != null) {
            paused.put(index, new Paused(stream, it, seen));
            stream = null;
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
      if (stream != null) {
        stream.close();
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
      p.stream().close();
    }
    paused.clear();
    workbook.close();
  }
}
