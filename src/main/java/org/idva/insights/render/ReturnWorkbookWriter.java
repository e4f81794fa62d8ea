package org.idva.insights.render;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes a filled return in exactly the blank template's layout: the template's sheets, the About
 * sheet filled in (service code, quarter, contact; template version as printed), the header row of
 * every sheet, then one row per form row: code labels (not codes) in coded cells, {@code Yes} in
 * the ticked option columns of a multi-select question, real Excel dates shown dd/mm/yyyy, whole
 * numbers as numbers. Rows stream to disk (SXSSF), so a large return needs little heap.
 *
 * <p>A value that is a {@code String} where the field wants a code, a date or a number is written
 * as typed text: that is how the sample data makes its deliberate slips.
 */
public final class ReturnWorkbookWriter {
  private static final int WINDOW = 200;
  private final Schema schema;

  public ReturnWorkbookWriter(Schema schema) {
    this.schema = schema;
  }

  /** Writes the return to {@code file} atomically. */
  public void write(ReturnContent content, Path file) throws IOException {
    AtomicFile.write(file, out -> write(content, out));
  }

  public void write(ReturnContent content, OutputStream out) throws IOException {
    XSSFWorkbook template = new ReturnTemplateWriter(schema).build();
    fillAbout(template.getSheet(ReturnTemplateWriter.ABOUT_SHEET), content);
    Map<String, List<FormRow>> bySheet = new LinkedHashMap<>();
    for (SheetDefinition def : schema.sheets()) {
      bySheet.put(def.ref(), new ArrayList<>());
    }
    for (FormRow row : content.rows()) {
      List<FormRow> rows = bySheet.get(row.sheet());
      if (rows == null) {
        throw new IllegalArgumentException("no sheet " + row.sheet() + " in the return schema");
      }
      rows.add(row);
    }
    Map<String, CellStyle[]> columnStyles = new LinkedHashMap<>();
    for (SheetDefinition def : schema.sheets()) {
      XSSFSheet sheet = template.getSheet(def.sheetName());
      List<Column> columns = def.columns();
      CellStyle[] styles = new CellStyle[columns.size()];
      Row header = sheet.getRow(0);
      for (int c = 0; c < columns.size(); c++) {
        styles[c] = sheet.getColumnStyle(c);
        String slip = content.headerSlips().get(columns.get(c).header());
        if (slip != null) {
          header.getCell(c).setCellValue(slip);
        }
      }
      columnStyles.put(def.ref(), styles);
    }
    SXSSFWorkbook wb = new SXSSFWorkbook(template, WINDOW);
    wb.setCompressTempFiles(true);
    try {
      for (SheetDefinition def : schema.sheets()) {
        SXSSFSheet sheet = wb.getSheet(def.sheetName());
        writeRows(sheet, def, bySheet.get(def.ref()), columnStyles.get(def.ref()));
      }
      wb.write(out);
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  private static void fillAbout(XSSFSheet about, ReturnContent content) {
    for (Row row : about) {
      Cell label = row.getCell(0);
      if (label == null) {
        continue;
      }
      String text = label.getStringCellValue();
      Cell value = row.getCell(1) == null ? row.createCell(1) : row.getCell(1);
      switch (text) {
        case AboutSheet.SERVICE_CODE -> value.setCellValue(content.service());
        case AboutSheet.QUARTER -> value.setCellValue(content.quarter().label());
        case AboutSheet.CONTACT -> value.setCellValue(content.contact());
        default -> {}
      }
    }
  }

  private static void writeRows(
      SXSSFSheet sheet, SheetDefinition def, List<FormRow> rows, CellStyle[] styles) {
    List<Column> columns = def.columns();
    int r = 1;
    for (FormRow formRow : rows) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        Object value = formRow.get(column.field().id());
        if (value == null) {
          continue;
        }
        if (column.isOption()) {
          if (value instanceof Collection<?> ticks && ticks.contains(column.option().code())) {
            Cell cell = row.createCell(c);
            cell.setCellStyle(styles[c]);
            cell.setCellValue(ReturnTemplateWriter.TICK);
          }
          continue;
        }
        Cell cell = row.createCell(c);
        cell.setCellStyle(styles[c]);
        setValue(cell, column, value);
      }
    }
  }

  private static void setValue(Cell cell, Column column, Object value) {
    if (value instanceof LocalDate date) {
      cell.setCellValue(date);
    } else if (value instanceof Long || value instanceof Integer) {
      cell.setCellValue(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal decimal) {
      cell.setCellValue(decimal.doubleValue());
    } else if (column.field().type() == FieldType.CODE) {
      String code = value.toString();
      cell.setCellValue(column.field().codeList().byCode(code).map(c -> c.label()).orElse(code));
    } else {
      cell.setCellValue(value.toString());
    }
  }
}
