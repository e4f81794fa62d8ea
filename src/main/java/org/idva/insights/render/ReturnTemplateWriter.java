package org.idva.insights.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.schema.CodeList;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes the blank return workbook services fill in: an About sheet, one sheet per form and
 * repeating group with a frozen, locked header row, a drop-down on every coded column (lists on a
 * hidden Lists sheet, so long lists work), the question as each column's input message, and date
 * and whole-number validation where the type says so.
 */
public final class ReturnTemplateWriter {
  /** Data validations and unlocked cells cover this many data rows below the header. */
  static final int LAST_ROW = 1_048_575;

  public static final String ABOUT_SHEET = "About";
  public static final String LISTS_SHEET = "Lists";
  public static final String TICK = "Yes";

  private final Schema schema;

  public ReturnTemplateWriter(Schema schema) {
    this.schema = schema;
  }

  /** Writes the template to {@code file} atomically (temporary file, then rename). */
  public void write(Path file) throws IOException {
    AtomicFile.write(file, this::write);
  }

  public void write(OutputStream out) throws IOException {
    try (XSSFWorkbook wb = build()) {
      wb.write(out);
    }
  }

  /**
   * Builds the blank template in memory: About sheet, form sheets with their header rows, hidden
   * Lists sheet. {@link ReturnTemplateParts} keeps it as zip parts for filled returns.
   */
  XSSFWorkbook build() {
    XSSFWorkbook wb = new XSSFWorkbook();
    Styles styles = new Styles(wb);
    XSSFSheet about = wb.createSheet(ABOUT_SHEET);
    List<SheetDefinition> sheets = schema.sheets();
    List<XSSFSheet> formSheets = new ArrayList<>();
    for (SheetDefinition def : sheets) {
      formSheets.add(wb.createSheet(def.sheetName()));
    }
    XSSFSheet lists = wb.createSheet(LISTS_SHEET);
    Map<String, String> listNames = writeLists(wb, lists, styles);
    AboutSheet.write(about, schema, styles, listNames);
    for (int i = 0; i < sheets.size(); i++) {
      writeFormSheet(formSheets.get(i), sheets.get(i), styles, listNames);
    }
    wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.HIDDEN);
    lists.enableLocking();
    wb.setActiveSheet(0);
    DocumentProperties.set(
        wb, "Idva Insights return", "Template version " + schema.templateVersion());
    return wb;
  }

  private Map<String, String> writeLists(XSSFWorkbook wb, XSSFSheet lists, Styles styles) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put("tick", List.of(TICK));
    columns.put("quarter", Quarters.labels());
    for (CodeList list :
        schema.codeLists().values().stream()
            .sorted(java.util.Comparator.comparing(CodeList::id))
            .toList()) {
      columns.put(list.id(), list.labels());
    }
    Map<String, String> names = new LinkedHashMap<>();
    Row header = lists.createRow(0);
    int col = 0;
    for (Map.Entry<String, List<String>> e : columns.entrySet()) {
      header.createCell(col).setCellValue(e.getKey());
      header.getCell(col).setCellStyle(styles.header);
      List<String> values = e.getValue();
      for (int r = 0; r < values.size(); r++) {
        Row row = lists.getRow(r + 1) == null ? lists.createRow(r + 1) : lists.getRow(r + 1);
        row.createCell(col).setCellValue(values.get(r));
      }
      String letter = CellReference.convertNumToColString(col);
      Name name = wb.createName();
      String rangeName = "list_" + e.getKey();
      name.setNameName(rangeName);
      name.setRefersToFormula(
          "'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
      names.put(e.getKey(), rangeName);
      lists.setColumnWidth(col, 40 * 256);
      col++;
    }
    return names;
  }

  private static void writeFormSheet(
      XSSFSheet sheet, SheetDefinition def, Styles styles, Map<String, String> listNames) {
    List<Column> columns = def.columns();
    Row header = sheet.createRow(0);
    header.setHeightInPoints(48);
    DataValidationHelper dv = sheet.getDataValidationHelper();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      Field field = column.field();
      var cell = header.createCell(c);
      cell.setCellValue(column.header());
      cell.setCellStyle(field.required() ? styles.requiredHeader : styles.header);
      sheet.setDefaultColumnStyle(
          c, field.type() == FieldType.DATE ? styles.dateInput : styles.input);
      sheet.setColumnWidth(c, Math.min(45, Math.max(12, column.header().length() + 2)) * 256);
      DataValidationConstraint constraint = constraint(dv, column, listNames);
      DataValidation validation =
          dv.createValidation(constraint, new CellRangeAddressList(1, LAST_ROW, c, c));
      validation.setShowPromptBox(true);
      validation.createPromptBox(
          InputMessages.title(column.header()), InputMessages.prompt(column, def));
      if (constraint.getValidationType() != DataValidationConstraint.ValidationType.ANY) {
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("Not a valid answer", InputMessages.error(column));
      }
      if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
        validation.setSuppressDropDownArrow(true);
      }
      sheet.addValidationData(validation);
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(
        new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, Math.max(0, columns.size() - 1)));
    sheet.lockFormatColumns(false);
    sheet.lockFormatRows(false);
    sheet.lockFormatCells(false);
    sheet.lockInsertRows(false);
    sheet.lockDeleteRows(false);
    sheet.lockSort(false);
    sheet.lockAutoFilter(false);
    sheet.enableLocking();
  }

  private static DataValidationConstraint constraint(
      DataValidationHelper dv, Column column, Map<String, String> listNames) {
    Field field = column.field();
    if (column.isOption()) {
      return dv.createFormulaListConstraint(listNames.get("tick"));
    }
    return switch (field.type()) {
      case CODE -> dv.createFormulaListConstraint(listNames.get(field.codeList().id()));
      case INTEGER ->
          dv.createIntegerConstraint(
              DataValidationConstraint.OperatorType.BETWEEN,
              field.min() == null ? "-2147483648" : field.min().toPlainString(),
              field.max() == null ? "2147483647" : field.max().toPlainString());
      case DECIMAL ->
          dv.createDecimalConstraint(
              DataValidationConstraint.OperatorType.BETWEEN,
              field.min() == null ? "-1E+15" : field.min().toPlainString(),
              field.max() == null ? "1E+15" : field.max().toPlainString());
      case DATE ->
          dv.createDateConstraint(
              DataValidationConstraint.OperatorType.BETWEEN,
              "DATE(2000,1,1)",
              "DATE(2099,12,31)",
              null);
      case IDENTIFIER ->
          dv.createTextLengthConstraint(DataValidationConstraint.OperatorType.BETWEEN, "1", "40");
      default -> dv.createCustomConstraint("TRUE");
    };
  }

  /** The cell styles of the template, created once per workbook. */
  static final class Styles {
    final CellStyle header;
    final CellStyle requiredHeader;
    final CellStyle input;
    final CellStyle dateInput;
    final CellStyle label;
    final CellStyle title;
    final CellStyle note;

    Styles(XSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      bold.setColor(IndexedColors.WHITE.getIndex());
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      header.setLocked(true);
      requiredHeader = wb.createCellStyle();
      requiredHeader.cloneStyleFrom(header);
      requiredHeader.setFillForegroundColor(IndexedColors.DARK_RED.getIndex());
      input = wb.createCellStyle();
      input.setLocked(false);
      dateInput = wb.createCellStyle();
      dateInput.setLocked(false);
      dateInput.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      Font labelFont = wb.createFont();
      labelFont.setBold(true);
      label = wb.createCellStyle();
      label.setFont(labelFont);
      label.setVerticalAlignment(VerticalAlignment.TOP);
      Font titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 16);
      title = wb.createCellStyle();
      title.setFont(titleFont);
      note = wb.createCellStyle();
      note.setWrapText(true);
      note.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }
}
