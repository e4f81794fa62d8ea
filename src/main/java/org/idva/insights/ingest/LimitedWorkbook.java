package org.idva.insights.ingest;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.idva.insights.model.PackageParts;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * A workbook whose sheets may hold at most {@link ReadLimits#rowsPerSheet()} rows with data: the
 * next one stops the read with a {@link ReadProblem#TOO_LARGE} problem naming the sheet and the
 * limit. Rows whose cells are all blank text (a column filled down with spaces) are not counted, so
 * a sheet running to Excel's last row of blanks is still read to the end.
 */
final class LimitedWorkbook implements RawWorkbook {
  private final RawWorkbook wb;
  private final long rowsPerSheet;

  LimitedWorkbook(RawWorkbook wb, long rowsPerSheet) {
    this.wb = wb;
    this.rowsPerSheet = rowsPerSheet;
  }

  @Override
  public String fileName() {
    return wb.fileName();
  }

  @Override
  public boolean date1904() {
    return wb.date1904();
  }

  @Override
  public List<RawSheet> sheets() {
    return wb.sheets();
  }

  @Override
  public void readRows(RawSheet sheet, Predicate<RawRow> rows) throws IOException {
    long[] data = {0};
    boolean[] over = {false};
    wb.readRows(
        sheet,
        row -> {
          if (hasData(row) && ++data[0] > rowsPerSheet) {
            over[0] = true;
            return false;
          }
          return rows.test(row);
        });
    if (over[0]) {
      throw new ReturnReadException(
          ReadProblem.TOO_LARGE,
          String.format(
              "sheet %s has over %,d rows with data (%s)",
              sheet.name(), rowsPerSheet, ReadLimits.limit("rows-per-sheet", rowsPerSheet)));
    }
  }

  private static boolean hasData(RawRow row) {
    for (RawCell c : row.cells()) {
      if (!c.isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public PackageParts parts() {
    return wb.parts();
  }

  @Override
  public void close() throws IOException {
    wb.close();
  }
}
