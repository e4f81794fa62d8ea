package org.idva.insights.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A bare fastexcel-reader pass over a workbook, touching every cell and doing nothing else: the
 * floor the benchmark compares reading and checking with.
 */
public final class BareRead {
  private BareRead() {}

  /** Rows and non-empty cells seen. */
  public record Count(long rows, long cells) {}

  public static Count count(Path file) throws IOException {
    long rows = 0;
    long cells = 0;
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
        Stream<Sheet> sheets = wb.getSheets()) {
      for (Iterator<Sheet> si = sheets.iterator(); si.hasNext(); ) {
        try (Stream<Row> stream = si.next().openStream()) {
          for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
            Row row = it.next();
            rows++;
            for (int i = 0, n = row.getCellCount(); i < n; i++) {
              Cell c = row.getCell(i);
              if (c != null && c.getRawValue() != null) {
                cells++;
              }
            }
          }
        }
      }
    }
    return new Count(rows, cells);
  }
}
