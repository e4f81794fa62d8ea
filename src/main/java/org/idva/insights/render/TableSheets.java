package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report workbook whose table sheets are streamed: the template's own sheets stay XSSF sheets,
 * each table sheet's rows are written to a temporary file once the sheet is finished ({@link
 * #finish}) and put into the sheet's XML when the workbook is saved. Everything else of a table
 * sheet (widths, merged cells, conditional formats, freeze panes, print set-up, hyperlinks, the
 * chart) is set on its XSSF sheet ({@link #xssf}), which the saved XML is made from. Texts go into
 * the workbook's shared strings table, as an XSSF cell's would, through {@link SharedText}. {@link
 * #dispose} deletes the temporary files; call it whether or not the workbook was written.
 */
final class TableSheets extends SXSSFWorkbook {
  private final SharedText text;
  private final Map<XSSFSheet, SXSSFSheet> streamed = new HashMap<>();

  TableSheets(XSSFWorkbook wb, SharedText text) {
    // rows stay in memory until the sheet is finished: row heights, print layout and the chart's
    // cached figures read them
    super(wb, -1, false, true);
    this.text = text;
    // computed per table sheet in finish(): POI's own would also rewrite the template sheets'
    setShouldCalculateSheetDimensions(false);
  }

  @Override
  protected SheetDataWriter createSheetDataWriter() throws IOException {
    if (text == null) {
      // a template sheet, wrapped while constructing: it is never given streamed rows
      return super.createSheetDataWriter();
    }
    return new SheetDataWriter(text.streamed(getXSSFWorkbook().getSharedStringSource()));
  }

  /** A new table sheet, streamed, at the end of the workbook. */
  SXSSFSheet create(String name) {
    SXSSFSheet sheet = createSheet(name);
    streamed.put(xssf(sheet), sheet);
    return sheet;
  }

  /** The XSSF sheet a streamed sheet's XML is made from (all but its rows). */
  XSSFSheet xssf(SXSSFSheet sheet) {
    return getXSSFWorkbook().getSheet(sheet.getSheetName());
  }

  boolean streamed(XSSFSheet sheet) {
    return streamed.containsKey(sheet);
  }

  /** Removes a sheet of the workbook, streamed or not. */
  void remove(XSSFSheet sheet) {
    streamed.remove(sheet);
    removeSheetAt(getXSSFWorkbook().getSheetIndex(sheet));
  }

  /**
   * Writes a table sheet's rows out (no row can be read or added after): the sheet's dimension is
   * set first, the used range as XSSF gives it.
   */
  void finish(SXSSFSheet sheet) throws IOException {
    int firstColumn = Integer.MAX_VALUE;
    int lastColumn = Integer.MIN_VALUE;
    for (Row row : sheet) {
      if (row.getFirstCellNum() != -1) {
        firstColumn = Math.min(firstColumn, row.getFirstCellNum());
      }
      if (row.getLastCellNum() != -1) {
        lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
      }
    }
    if (firstColumn != Integer.MAX_VALUE) {
      xssf(sheet)
          .setDimensionOverride(
              new CellRangeAddress(
                  sheet.getFirstRowNum(), sheet.getLastRowNum(), firstColumn, lastColumn));
    }
    sheet.flushRows();
  }

  /**
   * Writes the package XSSF saved (without the table sheets' rows) as XSSF writes a package (the
   * same zip entries, names, times and data descriptors), each table sheet's rows put into its
   * {@code sheetData}. POI's own copy gives the entries the sizes of the parts it read, which are
   * wrong for the sheets it fills (Java's {@code ZipInputStream} then refuses the file).
   */
  @Override
  protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
    Map<String, SXSSFSheet> byPart = new HashMap<>();
    streamed.forEach(
        (x, sheet) -> byPart.put(x.getPackagePart().getPartName().getName().substring(1), sheet));
    try (source) {
      ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
      Enumeration<? extends ZipArchiveEntry> entries = source.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
        ZipHelper.adjustEntryTime(copy);
        zip.putArchiveEntry(copy);
        try (InputStream in = source.getInputStream(entry)) {
          if (in instanceof ZipArchiveThresholdInputStream guarded) {
            guarded.setGuardState(false);
          }
          SXSSFSheet rows = byPart.get(entry.getName());
          if (rows == null) {
            in.transferTo(zip);
          } else {
            inject(new String(in.readAllBytes(), StandardCharsets.UTF_8), rows, zip);
          }
        }
        zip.closeArchiveEntry();
      }
      zip.finish();
    }
  }

  /** A sheet's XML (its XSSF sheet has no rows) with the streamed rows in its sheetData. */
  private static void inject(String xml, SXSSFSheet rows, OutputStream out) throws IOException {
    String empty = "<sheetData/>";
    int at = xml.indexOf(empty);
    if (at < 0) {
      throw new IllegalStateException(rows.getSheetName() + ": no empty sheetData to fill");
    }
    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.write("<sheetData>".getBytes(StandardCharsets.UTF_8));
    try (InputStream data = rows.getWorksheetXMLInputStream()) {
      data.transferTo(out);
    }
    out.write("</sheetData>".getBytes(StandardCharsets.UTF_8));
    out.write(xml.substring(at + empty.length()).getBytes(StandardCharsets.UTF_8));
  }
}
