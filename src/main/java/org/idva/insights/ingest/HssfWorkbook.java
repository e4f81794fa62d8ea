package org.idva.insights.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * A legacy .xls return read with POI HSSF (the format caps a sheet at 65,536 rows, so holding it in
 * memory is bounded).
 */
final class HssfWorkbook implements RawWorkbook {
  private final String fileName;
  private final HSSFWorkbook workbook;
  private final List<RawSheet> sheets = new ArrayList<>();

  HssfWorkbook(Path file, POIFSFileSystem fs) throws ReturnReadException {
    this.fileName = file.getFileName().toString();
    try {
      workbook = new HSSFWorkbook(fs.getRoot(), true);
    } catch (EncryptedDocumentException e) {
      throw new ReturnReadException(
          ReadProblem.PASSWORD_PROTECTED, "the .xls workbook is protected with a password", e);
    } catch (IOException | RuntimeException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the .xls workbook is damaged (" + e.getMessage() + ")", e);
    }
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      Sheet s = workbook.getSheetAt(i);
      List<RawSheet.CellRange> merged = new ArrayList<>();
      for (CellRangeAddress r : s.getMergedRegions()) {
        merged.add(
            new RawSheet.CellRange(
                r.getFirstRow() + 1, r.getLastRow() + 1, r.getFirstColumn(), r.getLastColumn()));
      }
      RawSheet.Visibility visibility =
          switch (workbook.getSheetVisibility(i)) {
            case HIDDEN -> RawSheet.Visibility.HIDDEN;
            case VERY_HIDDEN -> RawSheet.Visibility.VERY_HIDDEN;
            default -> RawSheet.Visibility.VISIBLE;
          };
      sheets.add(new RawSheet(s.getSheetName(), i, visibility, merged));
    }
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public boolean date1904() {
    return workbook.getInternalWorkbook().isUsing1904DateWindowing();
  }

  @Override
  public List<RawSheet> sheets() {
    return List.copyOf(sheets);
  }

  @Override
  public void readRows(RawSheet sheet, Predicate<RawRow> rows) {
    Sheet s = workbook.getSheetAt(sheet.index());
    List<RawCell> cells = new ArrayList<>();
    for (Row row : s) {
      cells.clear();
      for (Cell cell : row) {
        RawCell raw = convert(cell, cell.getCellType());
        if (raw != null) {
          cells.add(raw);
        }
      }
      if (!cells.isEmpty() && !rows.test(new RawRow(row.getRowNum() + 1, cells))) {
        return;
      }
    }
  }

  private static RawCell convert(Cell cell, CellType type) {
    int col = cell.getColumnIndex();
    return switch (type) {
      case NUMERIC -> {
        double d = cell.getNumericCellValue();
        yield RawCell.number(col, d, plain(d));
      }
      case STRING -> {
        String s = cell.getStringCellValue();
        yield s == null || s.isEmpty() ? null : RawCell.text(col, s);
      }
      case BOOLEAN ->
          new RawCell(col, RawCell.Kind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE", 0);
      case ERROR ->
          new RawCell(
              col,
              RawCell.Kind.ERROR,
              FormulaError.forInt(cell.getErrorCellValue()).getString(),
              0);
      case FORMULA -> convert(cell, cell.getCachedFormulaResultType());
      default -> null;
    };
  }

  static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
