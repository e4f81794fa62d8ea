package org.idva.insights.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Fills a narrative page from a Freemarker template ({@code <name>.ftl} beside the master
 * template): each output line becomes a row; a line starting with {@code # } is a heading, an empty
 * line a gap. The model holds {@code fig} ({@link Figures}) and {@code edition} ({@link
 * ReportEdition}).
 */
final class NarrativeWriter {
  private final TextTemplates templates;
  private final MasterStyles styles;

  NarrativeWriter(TextTemplates templates, MasterStyles styles) {
    this.templates = templates;
    this.styles = styles;
  }

  /** Writes the page at (row, column); returns the number of rows written. */
  int write(XSSFSheet sheet, int row, int column, String name, Figures fig, ReportEdition edition) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("fig", fig);
    model.put("edition", edition);
    String text = templates.render(name + ".ftl", model);
    List<String> lines = text.strip().lines().map(String::stripTrailing).toList();
    int r = row;
    boolean previousBlank = false;
    for (String line : lines) {
      boolean blank = line.isBlank();
      if (blank && previousBlank) {
        continue;
      }
      previousBlank = blank;
      var cell = MasterWorkbookWriter.row(sheet, r).createCell(column);
      if (line.startsWith("# ")) {
        cell.setCellStyle(styles.get("narrative_heading"));
        cell.setCellValue(line.substring(2).trim());
      } else if (!blank) {
        cell.setCellStyle(styles.get("narrative_text"));
        cell.setCellValue(line.trim());
      }
      r++;
    }
    return r - row;
  }
}
