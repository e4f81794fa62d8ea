package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ooxml.util.PackageHelper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report workbook opened from the master template, whose table sheets are written by {@link
 * TableSheetXml} rather than by POI: POI keeps each table sheet as an empty sheet (its place, name,
 * defined names, drawing and relationships), and on writing, that sheet's part is given the table
 * sheet's XML instead of POI's.
 */
final class ReportWorkbook extends XSSFWorkbook {
  private final Map<XSSFSheet, TableSheet> tableSheets = new LinkedHashMap<>();

  ReportWorkbook(InputStream template) throws IOException {
    super(PackageHelper.open(template));
  }

  /** Writes {@code sheet}'s part from {@code content} instead of from POI's model. */
  void writeAs(XSSFSheet sheet, TableSheet content) {
    tableSheets.put(sheet, content);
  }

  /** As {@link #write(OutputStream)}, with the table sheets' own XML. */
  void writeReport(OutputStream out) throws IOException {
    onSave(new HashSet<>());
    getProperties().commit();
    for (Map.Entry<XSSFSheet, TableSheet> e : tableSheets.entrySet()) {
      PackagePart part = e.getKey().getPackagePart();
      part.clear();
      try (OutputStream o = part.getOutputStream()) {
        TableSheetXml.write(e.getValue(), o);
      }
    }
    getPackage().save(out);
  }
}
