package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * The blank return template built once and kept as its zip parts (file name to bytes), ready to be
 * copied into any number of filled returns: the About sheet's three answers are placeholders in the
 * shared strings, and every form sheet is split around the end of its header row, where a return's
 * rows go.
 */
final class ReturnTemplateParts {
  private static final String SERVICE = "{{idva:service}}";
  private static final String QUARTER = "{{idva:quarter}}";
  private static final String CONTACT = "{{idva:contact}}";
  private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[^\"]*\"/>");

  private final Map<String, byte[]> parts;
  private final String sharedStringsPart;
  private final String sharedStrings;
  private final Map<String, FormSheet> formSheets;

  /** A form sheet's XML before and after its data rows, and how to write its rows. */
  private record FormSheet(
      SheetDefinition definition,
      String head,
      String tail,
      SheetRowsXml rows,
      Map<String, Integer> headerColumns,
      int[] headerStyles) {}

  private ReturnTemplateParts(
      Map<String, byte[]> parts,
      String sharedStringsPart,
      String sharedStrings,
      Map<String, FormSheet> formSheets) {
    this.parts = parts;
    this.sharedStringsPart = sharedStringsPart;
    this.sharedStrings = sharedStrings;
    this.formSheets = formSheets;
  }

  static ReturnTemplateParts build(Schema schema) {
    try (XSSFWorkbook wb = new ReturnTemplateWriter(schema).build()) {
      placeholders(wb.getSheet(ReturnTemplateWriter.ABOUT_SHEET));
      Map<String, SheetDefinition> byPart = new HashMap<>();
      Map<String, int[]> columnStyles = new HashMap<>();
      Map<String, int[]> headerStyles = new HashMap<>();
      for (SheetDefinition def : schema.sheets()) {
        XSSFSheet sheet = wb.getSheet(def.sheetName());
        String part = sheet.getPackagePart().getPartName().getName().substring(1);
        byPart.put(part, def);
        int n = def.columns().size();
        int[] styles = new int[n];
        int[] header = new int[n];
        Row headerRow = sheet.getRow(0);
        for (int c = 0; c < n; c++) {
          styles[c] = sheet.getColumnStyle(c).getIndex();
          header[c] = headerRow.getCell(c).getCellStyle().getIndex();
        }
        columnStyles.put(part, styles);
        headerStyles.put(part, header);
      }
      String sstPart = wb.getSharedStringSource().getPackagePart().getPartName().getName();
      sstPart = sstPart.substring(1);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      wb.write(bytes);
      Map<String, byte[]> parts = new LinkedHashMap<>();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          parts.put(e.getName(), in.readAllBytes());
        }
      }
      Map<String, FormSheet> sheets = new HashMap<>();
      for (Map.Entry<String, SheetDefinition> e : byPart.entrySet()) {
        String xml = new String(parts.get(e.getKey()), StandardCharsets.UTF_8);
        int end = xml.indexOf("</sheetData>");
        if (end < 0) {
          throw new IllegalStateException("template sheet " + e.getKey() + " has no sheetData");
        }
        Map<String, Integer> headers = new HashMap<>();
        List<org.idva.insights.schema.Column> columns = e.getValue().columns();
        for (int c = 0; c < columns.size(); c++) {
          headers.putIfAbsent(columns.get(c).header(), c);
        }
        sheets.put(
            e.getKey(),
            new FormSheet(
                e.getValue(),
                xml.substring(0, end),
                xml.substring(end),
                new SheetRowsXml(e.getValue(), columnStyles.get(e.getKey())),
                headers,
                headerStyles.get(e.getKey())));
      }
      String sst = new String(parts.get(sstPart), StandardCharsets.UTF_8);
      for (String p : List.of(SERVICE, QUARTER, CONTACT)) {
        if (!sst.contains("<t>" + p + "</t>")) {
          throw new IllegalStateException("About placeholder " + p + " not in the shared strings");
        }
      }
      return new ReturnTemplateParts(
          Collections.unmodifiableMap(parts), sstPart, sst, Map.copyOf(sheets));
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the return template", e);
    }
  }

  private static void placeholders(XSSFSheet about) {
    for (Row row : about) {
      Cell label = row.getCell(0);
      if (label == null) {
        continue;
      }
      Cell value = row.getCell(1) == null ? row.createCell(1) : row.getCell(1);
      switch (label.getStringCellValue()) {
        case AboutSheet.SERVICE_CODE -> value.setCellValue(SERVICE);
        case AboutSheet.QUARTER -> value.setCellValue(QUARTER);
        case AboutSheet.CONTACT -> value.setCellValue(CONTACT);
        default -> {}
      }
    }
  }

  /** Every part of the template, in zip order. */
  Map<String, byte[]> parts() {
    return parts;
  }

  String sharedStringsPart() {
    return sharedStringsPart;
  }

  /** The form sheet stored in this part, or null for any other part. */
  SheetDefinition formSheet(String part) {
    FormSheet s = formSheets.get(part);
    return s == null ? null : s.definition();
  }

  /** The shared strings with the About sheet's answers for this return. */
  byte[] sharedStrings(ReturnContent content) {
    return sharedStrings
        .replace("<t>" + SERVICE + "</t>", "<t>" + SheetRowsXml.escape(content.service()) + "</t>")
        .replace(
            "<t>" + QUARTER + "</t>",
            "<t>" + SheetRowsXml.escape(content.quarter().label()) + "</t>")
        .replace("<t>" + CONTACT + "</t>", "<t>" + SheetRowsXml.escape(content.contact()) + "</t>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a form sheet's XML: the template's, with the header slips and this return's rows. */
  void writeFormSheet(
      SheetDefinition def, List<FormRow> rows, Map<String, String> headerSlips, OutputStream out)
      throws IOException {
    FormSheet sheet = null;
    for (FormSheet s : formSheets.values()) {
      if (s.definition().ref().equals(def.ref())) {
        sheet = s;
      }
    }
    if (sheet == null) {
      throw new IllegalArgumentException("no sheet " + def.ref() + " in the template");
    }
    String head = sheet.head();
    String lastColumn = CellReference.convertNumToColString(Math.max(0, def.columns().size() - 1));
    head =
        DIMENSION
            .matcher(head)
            .replaceFirst(
                Matcher.quoteReplacement(
                    "<dimension ref=\"A1:" + lastColumn + (rows.size() + 1) + "\"/>"));
    for (Map.Entry<String, String> slip : headerSlips.entrySet()) {
      Integer c = sheet.headerColumns().get(slip.getKey());
      if (c != null) {
        head = withHeader(head, c, sheet.headerStyles()[c], slip.getValue());
      }
    }
    out.write(head.getBytes(StandardCharsets.UTF_8));
    sheet.rows().write(rows, out);
    out.write(sheet.tail().getBytes(StandardCharsets.UTF_8));
  }

  /** The header row with one header cell typed differently (an inline string). */
  private static String withHeader(String head, int column, int style, String text) {
    String ref = CellReference.convertNumToColString(column) + "1";
    int start = head.indexOf("<c r=\"" + ref + "\"");
    if (start < 0) {
      throw new IllegalStateException("no header cell " + ref + " in the template sheet");
    }
    int end = head.indexOf("</c>", start) + "</c>".length();
    String cell =
        "<c r=\""
            + ref
            + "\" s=\""
            + style
            + "\" t=\"inlineStr\"><is><t"
            + SheetRowsXml.space(text)
            + ">"
            + SheetRowsXml.escape(text)
            + "</t></is></c>";
    return head.substring(0, start) + cell + head.substring(end);
  }
}
