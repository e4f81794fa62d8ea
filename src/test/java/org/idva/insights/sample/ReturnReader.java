package org.idva.insights.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * A plain POI reader for the tests: a return workbook back into values keyed by field id (codes
 * from labels, ignoring case and outer spaces; dates from date cells or dd/mm/yyyy text), so the
 * generator's output can be counted independently of the ingest and report stages.
 */
final class ReturnReader {
  private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Rows of one return: sheet ref → rows; each row has {@code _service} set. */
  static Map<String, List<Map<String, Object>>> read(Path file, Schema schema) throws Exception {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      String service = about(wb.getSheet("About"), "Service code");
      for (SheetDefinition def : schema.sheets()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        out.put(def.ref(), rows);
        Sheet sheet = wb.getSheet(def.sheetName());
        Map<String, Integer> index = new HashMap<>();
        Row header = sheet.getRow(0);
        for (Cell c : header) {
          index.put(c.getStringCellValue(), c.getColumnIndex());
        }
        for (Row row : sheet) {
          if (row.getRowNum() == 0) {
            continue;
          }
          Map<String, Object> values = new HashMap<>();
          values.put("_service", service);
          for (Column column : def.columns()) {
            Integer col = index.get(column.header());
            Cell cell = col == null ? null : row.getCell(col);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
              continue;
            }
            String id = column.field().id();
            if (column.isOption()) {
              if (cell.getStringCellValue().trim().equalsIgnoreCase("yes")) {
                @SuppressWarnings("unchecked")
                Set<String> ticks =
                    (Set<String>) values.computeIfAbsent(id, k -> new LinkedHashSet<String>());
                ticks.add(column.option().code());
              }
              continue;
            }
            values.put(id, value(cell, column));
          }
          rows.add(values);
        }
      }
    }
    return out;
  }

  private static Object value(Cell cell, Column column) {
    FieldType type = column.field().type();
    if (type == FieldType.DATE) {
      if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate();
      }
      return LocalDate.parse(cell.getStringCellValue().trim(), TEXT_DATE);
    }
    if (type == FieldType.INTEGER) {
      return cell.getCellType() == CellType.NUMERIC
          ? (long) cell.getNumericCellValue()
          : Long.parseLong(cell.getStringCellValue().trim());
    }
    String text =
        cell.getCellType() == CellType.NUMERIC
            ? Long.toString((long) cell.getNumericCellValue())
            : cell.getStringCellValue();
    if (type == FieldType.CODE) {
      for (Code c : column.field().codeList().codes()) {
        if (c.label().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
          return c.code();
        }
      }
      throw new AssertionError("not a label of " + column.header() + ": '" + text + "'");
    }
    return text;
  }

  static String about(Sheet about, String label) {
    for (Row row : about) {
      Cell a = row.getCell(0);
      if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
        return row.getCell(1).getStringCellValue();
      }
    }
    return null;
  }

  private ReturnReader() {}
}
