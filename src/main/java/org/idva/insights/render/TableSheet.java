package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One table's sheet as it is built: its cells ({@link SheetGrid}), what it takes from its section
 * ({@link SectionHead}), merged cells, links, conditional formats, frozen panes, print set-up, its
 * named range and its chart. {@link TableSheetXml} writes it as the sheet's XML and {@link
 * ReportWorkbook} puts it, its chart and its names into the package; POI never holds it.
 */
final class TableSheet {
  /** A conditional format: the ranges and the rules ({@code <cfRule>} elements) over them. */
  record Conditional(String sqref, List<String> rules) {}

  /** A link in a cell to a place in the workbook ({@code 'Contents'!A1}). */
  record Link(String ref, String location) {}

  final String name;
  final SectionHead head;
  final SheetGrid grid = new SheetGrid();
  final List<CellRangeAddress> merges = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final List<Conditional> conditionals = new ArrayList<>();
  private int priority;

  /** The frozen columns and rows (0: none). */
  int freezeColumns;

  int freezeRows;

  /** Print scale in % once set up for printing; 0 before. */
  int printScale;

  /** The row (0-based) after which a manual page break starts a new page, or -1. */
  int rowBreak = -1;

  /** The rows repeated at the top of every printed page (first, last; 0-based), or null. */
  int[] printTitleRows;

  /** The workbook-level name of the table's range and what it refers to, or null. */
  String rangeName;

  String rangeFormula;

  /** The table's chart, or null. */
  ChartXml chart;

  /** The relationship id of the sheet's drawing (its chart) once it is written, or null. */
  String drawingId;

  /** Whether the sheet is the one shown on opening (the workbook's first). */
  boolean selected;

  TableSheet(String name, SectionHead head) {
    this.name = name;
    this.head = head;
  }

  /** The next rule priority on this sheet (1 for the first rule, as Excel numbers them). */
  int nextPriority() {
    return ++priority;
  }

  void merge(CellRangeAddress range) {
    merges.add(range);
  }

  void link(int row, int column, String location) {
    links.add(new Link(new CellReference(row, column).formatAsString(), location));
  }

  /** A column's width in 1/256 of a character, as POI's {@code getColumnWidth}. */
  int columnWidth(int c) {
    return head.columnWidth(c);
  }

  double defaultRowHeightPoints() {
    return head.defaultRowHeightPoints();
  }

  /** A row's height in points: its own when set, else the sheet's default. */
  double rowHeightPoints(int r) {
    SheetGrid.Row row = grid.rowOrNull(r);
    return row == null || row.height < 0 ? defaultRowHeightPoints() : row.height;
  }

  /**
   * Sets a row's height the way POI's {@code setHeightInPoints} does: to whole twips (1/20 pt) in
   * float arithmetic, {@code 24.43} is {@code 24.4}.
   */
  void rowHeightPoints(int r, float points) {
    grid.row(r).height = ((short) (points * 20)) / 20.0;
  }
}
