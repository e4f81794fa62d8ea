package org.idva.insights.render;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * The first sheet of a return: who sends it and for which quarter, the template version, and a
 * guide to the other sheets.
 */
public final class AboutSheet {
  /** The labels in column A of the About sheet; their values are in column B. */
  public static final String SERVICE_CODE = "Service code";

  public static final String QUARTER = "Reporting quarter";
  public static final String CONTACT = "Data lead contact";
  public static final String TEMPLATE_VERSION = "Template version";
  static final List<String> LABELS = List.of(SERVICE_CODE, QUARTER, CONTACT, TEMPLATE_VERSION);

  private AboutSheet() {}

  static void write(
      XSSFSheet sheet,
      Schema schema,
      ReturnTemplateWriter.Styles styles,
      Map<String, String> listNames) {
    Row title = sheet.createRow(0);
    title.createCell(0).setCellValue("Idva Insights quarterly return");
    title.getCell(0).setCellStyle(styles.title);
    int r = 2;
    for (String label : LABELS) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(label);
      row.getCell(0).setCellStyle(styles.label);
      var value = row.createCell(1);
      if (label.equals(TEMPLATE_VERSION)) {
        value.setCellValue(schema.templateVersion());
      } else {
        value.setCellStyle(styles.input);
      }
    }
    DataValidationHelper dv = sheet.getDataValidationHelper();
    DataValidation quarter =
        dv.createValidation(
            dv.createFormulaListConstraint(listNames.get("quarter")),
            new CellRangeAddressList(3, 3, 1, 1));
    quarter.createPromptBox(
        "Reporting quarter", "The quarter this return covers, e.g. 2022-23 Q1.");
    quarter.setShowPromptBox(true);
    quarter.setShowErrorBox(true);
    sheet.addValidationData(quarter);
    DataValidation service =
        dv.createValidation(
            dv.createTextLengthConstraint(
                org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType.BETWEEN,
                "2",
                "12"),
            new CellRangeAddressList(2, 2, 1, 1));
    service.createPromptBox("Service code", "The code your service was given, e.g. SVC01.");
    service.setShowPromptBox(true);
    sheet.addValidationData(service);
    DataValidation contact =
        dv.createValidation(
            dv.createCustomConstraint("TRUE"), new CellRangeAddressList(4, 4, 1, 1));
    contact.createPromptBox(
        "Data lead contact", "A role or team mailbox for questions about this return.");
    contact.setShowPromptBox(true);
    sheet.addValidationData(contact);

    r++;
    Row guide = sheet.createRow(r++);
    guide.createCell(0).setCellValue("Sheets in this return");
    guide.getCell(0).setCellStyle(styles.label);
    for (SheetDefinition def : schema.sheets()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(def.sheetName());
      row.getCell(0).setCellStyle(styles.note);
      String text = def.title() + (def.description().isEmpty() ? "" : ": " + def.description());
      row.createCell(1).setCellValue(text);
      row.getCell(1).setCellStyle(styles.note);
      row.setHeightInPoints(lines(text, 85) * 14f);
    }
    r++;
    String[] notes = {
      "One row per case on each form sheet; the header row is fixed: do not rename, add or"
          + " remove columns.",
      "Columns with a dark red header must be filled. Leave a cell blank when the answer is not"
          + " known: blanks are reported as Missing.",
      "Multi-select questions have one column per option: type Yes in each that applies.",
      "Never enter names, addresses, postcodes, dates of birth, phone numbers or e-mail"
          + " addresses. Use your service's case and client references only."
    };
    for (String note : notes) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(note);
      row.getCell(0).setCellStyle(styles.note);
      sheet.addMergedRegion(
          new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 1));
      row.setHeightInPoints(lines(note, 120) * 15f);
    }
    sheet.setColumnWidth(0, 28 * 256);
    sheet.setColumnWidth(1, 90 * 256);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.getPrintSetup().setLandscape(true);
    sheet.lockFormatColumns(false);
    sheet.enableLocking();
  }

  /** Lines a wrapped text needs in a column about {@code width} characters wide. */
  private static int lines(String text, int width) {
    return Math.max(1, (text.length() + width - 1) / width);
  }
}
