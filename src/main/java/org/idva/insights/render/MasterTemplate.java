package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * The master template ({@code workbook-templates/insights-master.xlsx}) and the markers in it.
 * Section sheets hold {@code {{table:<id>}}} markers in column A, one per row, in the order the
 * tables are to appear; {@code {{chart:<id>}}} on the same row places that table's chart beside it
 * in the marker's column. The {@code Styles} sheet holds the house styles.
 */
public final class MasterTemplate {
  private final Path file;
  private final byte[] bytes;
  private final List<MasterMarker> markers;

  private MasterTemplate(Path file, byte[] bytes, List<MasterMarker> markers) {
    this.file = file;
    this.bytes = bytes;
    this.markers = List.copyOf(markers);
  }

  public static MasterTemplate load(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      return new MasterTemplate(file, bytes, scan(wb));
    }
  }

  /** A fresh, editable copy of the template workbook. */
  ReportWorkbook open() throws IOException {
    return new ReportWorkbook(new ByteArrayInputStream(bytes));
  }

  Path file() {
    return file;
  }

  List<MasterMarker> markers() {
    return markers;
  }

  List<MasterMarker> markers(String kind) {
    return markers.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  static List<MasterMarker> scan(XSSFWorkbook wb) {
    List<MasterMarker> out = new ArrayList<>();
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      XSSFSheet sheet = wb.getSheetAt(s);
      if (sheet.getSheetName().equals(MasterStyles.SHEET)) {
        continue;
      }
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() != CellType.STRING) {
            continue;
          }
          for (String[] m : MasterMarker.scan(cell.getStringCellValue())) {
            out.add(
                new MasterMarker(
                    sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), m[1], m[2]));
          }
        }
      }
    }
    return out;
  }

  /**
   * Lints the template: every known table placed exactly once, every marker known, every chart
   * beside its table, every narrative template present, every house style present.
   *
   * @param tableIds the report's table ids
   * @param narratives the narrative pages the folder has templates for ({@code at-a-glance}...)
   */
  public List<Finding> check(Collection<String> tableIds, Set<String> narratives)
      throws IOException {
    List<Finding> problems = new ArrayList<>();
    String name = file.getFileName().toString();
    Map<String, List<MasterMarker>> tables = new LinkedHashMap<>();
    try (XSSFWorkbook wb = open()) {
      for (MasterMarker m : markers) {
        SourceLocation at = new SourceLocation(name, m.sheet(), m.row() + 1, m.column());
        Cell cell = wb.getSheet(m.sheet()).getRow(m.row()).getCell(m.column());
        String text = cell.getStringCellValue().trim();
        boolean block = MasterMarker.BLOCK_KINDS.contains(m.kind());
        if (block && !MasterMarker.ANY.matcher(text).matches()) {
          problems.add(
              error(
                  "MARKER_NOT_ALONE",
                  at,
                  text,
                  m.describe() + " alone in its cell",
                  "Move the other text out of the cell holding " + m.describe()));
        }
        switch (m.kind()) {
          case "table" -> {
            if (!tableIds.contains(m.argument())) {
              problems.add(
                  error(
                      "UNKNOWN_TABLE",
                      at,
                      m.describe(),
                      "a table id of the report",
                      "Correct the id or delete the marker; ids are listed in src/main/resources/report/tables"));
            } else if (m.column() != 0) {
              problems.add(
                  error(
                      "TABLE_NOT_IN_COLUMN_A",
                      at,
                      m.describe(),
                      "table markers in column A",
                      "Move the marker to column A"));
            }
            tables.computeIfAbsent(String.valueOf(m.argument()), k -> new ArrayList<>()).add(m);
          }
          case "chart" -> {
            if (!ChartCatalog.ids().contains(m.argument())) {
              problems.add(
                  error(
                      "UNKNOWN_CHART",
                      at,
                      m.describe(),
                      "one of " + ChartCatalog.ids(),
                      "Use a chart id the renderer knows"));
            } else if (markers.stream()
                .noneMatch(
                    t ->
                        t.kind().equals("table")
                            && t.sheet().equals(m.sheet())
                            && t.row() == m.row()
                            && ChartCatalog.table(m.argument()).equals(t.argument()))) {
              problems.add(
                  error(
                      "CHART_NOT_BESIDE_TABLE",
                      at,
                      m.describe(),
                      "on the same row as {{table:" + ChartCatalog.table(m.argument()) + "}}",
                      "Move the chart marker onto its table marker's row"));
            }
          }
          case "narrative" -> {
            if (!narratives.contains(m.argument())) {
              problems.add(
                  error(
                      "UNKNOWN_NARRATIVE",
                      at,
                      m.describe(),
                      "a template " + m.argument() + ".ftl beside the workbook; have " + narratives,
                      "Add the .ftl file or correct the marker"));
            }
          }
          case "contents", "legend", "queries" -> {
            if (m.argument() != null) {
              problems.add(
                  error(
                      "UNKNOWN_MARKER",
                      at,
                      m.describe(),
                      "{{" + m.kind() + "}}",
                      "Remove the argument"));
            }
          }
          default -> {
            if (!MasterMarker.PLACEHOLDERS.contains(m.kind()) || m.argument() != null) {
              problems.add(
                  error(
                      "UNKNOWN_MARKER",
                      at,
                      m.describe(),
                      "one of "
                          + MasterMarker.BLOCK_KINDS
                          + " or a placeholder "
                          + MasterMarker.PLACEHOLDERS,
                      "Correct or delete the marker"));
            }
          }
        }
      }
      for (String id : tableIds) {
        List<MasterMarker> placed = tables.getOrDefault(id, List.of());
        if (placed.isEmpty()) {
          problems.add(
              error(
                  "TABLE_NOT_PLACED",
                  SourceLocation.ofFile(name),
                  "",
                  "a cell {{table:" + id + "}} on a section sheet",
                  "Add {{table:" + id + "}} in column A of the section sheet where it belongs"));
        } else if (placed.size() > 1) {
          MasterMarker second = placed.get(1);
          problems.add(
              error(
                  "TABLE_PLACED_TWICE",
                  new SourceLocation(name, second.sheet(), second.row() + 1, second.column()),
                  placed.size() + " markers for " + id,
                  "each table placed exactly once",
                  "Delete all but one {{table:" + id + "}}"));
        }
      }
      for (String kind : List.of("contents", "legend")) {
        if (markers(kind).size() != 1) {
          problems.add(
              error(
                  "BLOCK_MARKER_COUNT",
                  SourceLocation.ofFile(name),
                  markers(kind).size() + " {{" + kind + "}} markers",
                  "exactly one {{" + kind + "}}",
                  "Place one {{" + kind + "}} cell (contents sheet / notes sheet)"));
        }
      }
      checkBelowTables(wb, name, problems);
      XSSFSheet styles = wb.getSheet(MasterStyles.SHEET);
      if (styles == null) {
        problems.add(
            error(
                "NO_STYLES_SHEET",
                SourceLocation.ofFile(name),
                "",
                "a sheet named " + MasterStyles.SHEET,
                "Restore the Styles sheet from git"));
      } else {
        for (String missing : MasterStyles.read(styles).missing()) {
          problems.add(
              error(
                  "STYLE_MISSING",
                  SourceLocation.ofSheet(name, MasterStyles.SHEET),
                  "",
                  "a row with \"" + missing + "\" in column A and a styled sample cell in column B",
                  "Add the style row back"));
        }
      }
    }
    return problems;
  }

  /** Tables are written from the first marker down: nothing else may sit below it. */
  private void checkBelowTables(XSSFWorkbook wb, String name, List<Finding> problems) {
    Map<String, Integer> firstRow = new LinkedHashMap<>();
    for (MasterMarker m : markers("table")) {
      firstRow.merge(m.sheet(), m.row(), Math::min);
    }
    for (Map.Entry<String, Integer> e : firstRow.entrySet()) {
      XSSFSheet sheet = wb.getSheet(e.getKey());
      for (Row row : sheet) {
        if (row.getRowNum() < e.getValue()) {
          continue;
        }
        for (Cell cell : row) {
          boolean blank =
              cell.getCellType() == CellType.BLANK
                  || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
          boolean marker =
              cell.getCellType() == CellType.STRING
                  && !MasterMarker.scan(cell.getStringCellValue()).isEmpty();
          if (!blank && !marker) {
            problems.add(
                error(
                    "CONTENT_AMONG_TABLES",
                    new SourceLocation(
                        name, sheet.getSheetName(), row.getRowNum() + 1, cell.getColumnIndex()),
                    cell.toString(),
                    "only table and chart markers from the first table marker down",
                    "Move the text above the first {{table:...}} marker (it would be overwritten)"));
          }
        }
      }
    }
  }

  private static Finding error(
      String code, SourceLocation at, String found, String expected, String fix) {
    return new Finding(Severity.ERROR, code, at, found, expected, fix);
  }
}
