package org.idva.insights.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.model.TableResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the master workbook ({@code Insights-Idva-<year>.xlsx}) and the per-service workbooks
 * ({@code services/<service>.xlsx}) into a copy of the master template: tables at their markers
 * with named ranges, conditional formats and charts, the narrative pages, the legend and the
 * contents; written atomically.
 */
public final class MasterWorkbookWriter {
  private static final Logger LOG = LoggerFactory.getLogger(MasterWorkbookWriter.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final MasterOptions options;
  private final MasterTemplate template;

  public MasterWorkbookWriter(MasterOptions options) throws IOException {
    this.options = options;
    this.template = MasterTemplate.load(options.template());
  }

  /** The master workbook's file name: {@code Insights-Idva-2022-23.xlsx}. */
  public static String masterFileName(ReportEdition edition) {
    return "Insights-Idva-" + edition.reportLabel() + ".xlsx";
  }

  /** A service's workbook file name: letters, digits, space, dot, dash and underscore kept. */
  public static String serviceFileName(String service) {
    return service.replaceAll("[^A-Za-z0-9 ._-]", "_").trim() + ".xlsx";
  }

  /** Writes {@code outDir/Insights-Idva-<year>.xlsx}; returns its path. */
  public Path writeMaster(List<TableResult> tables, ReportEdition edition, Path outDir)
      throws IOException {
    return writeMaster(tables, edition, outDir, QueryCounts.NONE);
  }

  /** {@link #writeMaster(List, ReportEdition, Path)} with every service's query counts. */
  public Path writeMaster(
      List<TableResult> tables, ReportEdition edition, Path outDir, QueryCounts queries)
      throws IOException {
    Map<String, TableResult> byId = index(tables);
    Path out = outDir.resolve(masterFileName(edition));
    render(
        id ->
            Optional.ofNullable(byId.get(id))
                .map(t -> List.of(new MasterTableWriter.Block(null, t))),
        tables,
        edition,
        queries,
        out);
    return out;
  }

  /**
   * Writes {@code outDir/services/<service>.xlsx}: the service's figures (small counts shown as
   * {@code c}) beside all services' figures, for every table; nothing of any other single service.
   */
  public Path writeService(
      String service,
      List<TableResult> serviceTables,
      List<TableResult> allTables,
      ReportEdition edition,
      Path outDir)
      throws IOException {
    return writeService(service, serviceTables, allTables, edition, outDir, QueryCounts.NONE);
  }

  /** {@link #writeService} with the query counts: the service's own row only is written. */
  public Path writeService(
      String service,
      List<TableResult> serviceTables,
      List<TableResult> allTables,
      ReportEdition edition,
      Path outDir,
      QueryCounts queries)
      throws IOException {
    Map<String, TableResult> mine = new LinkedHashMap<>();
    for (TableResult t : serviceTables) {
      mine.put(t.id(), Suppression.apply(t, options.suppressUpTo()));
    }
    Map<String, TableResult> all = index(allTables);
    Path out = outDir.resolve("services").resolve(serviceFileName(service));
    render(
        id -> {
          TableResult a = all.get(id);
          TableResult s = mine.get(id);
          if (a == null && s == null) {
            return Optional.empty();
          }
          List<MasterTableWriter.Block> blocks = new ArrayList<>();
          blocks.add(new MasterTableWriter.Block(service, s != null ? s : empty(a)));
          if (a != null) {
            blocks.add(new MasterTableWriter.Block(ReportEdition.ALL_SERVICES, a));
          }
          return Optional.of(blocks);
        },
        new ArrayList<>(mine.values()),
        edition.forService(service),
        queries.only(service),
        out);
    return out;
  }

  private static TableResult empty(TableResult like) {
    List<TableResult.Row> rows =
        like.rows().stream()
            .map(r -> new TableResult.Row(r.label(), r.kind(), r.indent(), Map.of()))
            .toList();
    return like.withFigures(Map.of(), rows);
  }

  private static Map<String, TableResult> index(List<TableResult> tables) {
    Map<String, TableResult> byId = new LinkedHashMap<>();
    tables.forEach(t -> byId.put(t.id(), t));
    return byId;
  }

  private void render(
      Function<String, Optional<List<MasterTableWriter.Block>>> blocks,
      List<TableResult> figures,
      ReportEdition edition,
      QueryCounts queries,
      Path out)
      throws IOException {
    try (ReportWorkbook wb = template.open()) {
      MasterStyles styles = MasterStyles.read(wb.getSheet(MasterStyles.SHEET));
      if (!styles.missing().isEmpty()) {
        throw new IllegalStateException(
            template.file()
                + ": the Styles sheet lacks "
                + styles.missing()
                + "; run insights check-template");
      }
      wb.removeSheetAt(wb.getSheetIndex(MasterStyles.SHEET));
      replacePlaceholders(wb, edition);
      List<Runnable> printing = new ArrayList<>();
      List<TablePlacement> placed = writeTables(wb, styles, blocks, printing);
      Figures fig = new Figures(figures, edition.reportingYear());
      NarrativeWriter narrative =
          new NarrativeWriter(new TextTemplates(options.templateFolder()), styles);
      for (MasterMarker m : template.markers("narrative")) {
        XSSFSheet sheet = wb.getSheet(m.sheet());
        clear(sheet, m);
        narrative.write(sheet, m.row(), m.column(), m.argument(), fig, edition);
      }
      for (MasterMarker m : template.markers("legend")) {
        XSSFSheet sheet = wb.getSheet(m.sheet());
        clear(sheet, m);
        new Legend(styles, options).write(sheet, m.row(), m.column());
      }
      for (MasterMarker m : template.markers("queries")) {
        XSSFSheet sheet = wb.getSheet(m.sheet());
        clear(sheet, m);
        if (queries.available()) {
          queries.write(sheet, m.row(), m.column(), styles);
        }
      }
      for (MasterMarker m : template.markers("contents")) {
        XSSFSheet sheet = wb.getSheet(m.sheet());
        clear(sheet, m);
        contents(wb, sheet, m, placed, styles);
      }
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        RowHeights.fit(wb.getSheetAt(s));
      }
      printing.forEach(Runnable::run);
      ConditionalFormats.opaqueColours(wb);
      properties(wb, edition);
      wb.setActiveSheet(0);
      wb.setFirstVisibleTab(0);
      AtomicFile.write(out, wb::writeReport);
      LOG.info("Wrote {} ({} tables, scope {})", out, placed.size(), edition.scope());
    }
  }

  /**
   * One sheet per table, named by its number ({@code 3.12}: section 3, table 12), in place of the
   * template's section sheet: the section sheet's title rows (and its widths, header, footer) are
   * copied, a link back to the contents goes under them, then the table and its chart (under the
   * table, within a printed page's width). Each sheet's print set-up is added to {@code printing},
   * to be made once row heights are known. The table sheets are {@link TableSheet}s, put into the
   * package by {@link ReportWorkbook} when it is written; the section sheets are removed from POI.
   */
  private List<TablePlacement> writeTables(
      ReportWorkbook wb,
      MasterStyles styles,
      Function<String, Optional<List<MasterTableWriter.Block>>> blocks,
      List<Runnable> printing) {
    SharedText text = new SharedText(wb);
    MasterTableWriter writer = new MasterTableWriter(wb, styles, text);
    ConditionalFormats formats = new ConditionalFormats(styles, options, wb.getStylesSource());
    ChartWriter charts = new ChartWriter();
    List<TablePlacement> placed = new ArrayList<>();
    Map<Integer, XSSFCellStyle> cellStyles = new HashMap<>();
    IntFunction<XSSFCellStyle> styleAt =
        i -> cellStyles.computeIfAbsent(i, k -> wb.getCellStyleAt(k));
    String contentsSheet =
        template.markers("contents").stream().map(MasterMarker::sheet).findFirst().orElse(null);
    int firstSheetId = 1;
    for (var s : wb.getCTWorkbook().getSheets().getSheetArray()) {
      firstSheetId = (int) Math.max(firstSheetId, s.getSheetId() + 1);
    }
    List<ReportWorkbook.Entry> order = new ArrayList<>();
    int section = 0;
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      String sectionName = wb.getSheetAt(s).getSheetName();
      List<MasterMarker> tables =
          template.markers("table").stream()
              .filter(m -> m.sheet().equals(sectionName))
              .sorted(Comparator.comparingInt(MasterMarker::row))
              .toList();
      if (tables.isEmpty()) {
        order.add(new ReportWorkbook.Entry(sectionName, null));
        continue;
      }
      section++;
      XSSFSheet source = wb.getSheetAt(s);
      List<MasterMarker> chartMarkers =
          template.markers("chart").stream().filter(m -> m.sheet().equals(sectionName)).toList();
      int firstRow = tables.get(0).row();
      SectionHead head = new SectionHead(source, firstRow);
      int number = 0;
      for (MasterMarker m : tables) {
        Optional<List<MasterTableWriter.Block>> b =
            blocks.apply(m.argument()).map(MasterWorkbookWriter::printed);
        if (b.isEmpty()) {
          LOG.warn(
              "Table {} was not computed; it has no sheet (section {})", m.argument(), m.sheet());
          continue;
        }
        number++;
        TableSheet cells = new TableSheet(section + "." + number, head);
        order.add(new ReportWorkbook.Entry(cells.name, cells));
        head.copyTo(cells, text);
        if (contentsSheet != null) {
          int back = firstRow - 1;
          cells.grid.blank(back, 0, styles.get("contents_link").getIndex());
          text.set(cells.grid, back, 0, "Back to " + contentsSheet);
          cells.link(back, 0, "'" + contentsSheet.replace("'", "''") + "'!A1");
        }
        TablePlacement t = writer.write(cells, firstRow, b.get());
        formats.apply(cells, t);
        int lastColumn = t.lastColumn();
        int[] chartRows = null;
        for (MasterMarker c : chartMarkers) {
          if (c.row() == m.row() && ChartCatalog.table(c.argument()).equals(m.argument())) {
            int row = t.lastRow() + 2;
            int width = chartWidth(cells);
            int rows = charts.draw(cells, t, ChartCatalog.spec(c.argument()), row, 0, width);
            if (rows > 0) {
              chartRows = new int[] {row, row + rows - 1};
              lastColumn = Math.max(lastColumn, width - 1);
            }
          }
        }
        cells.freezeColumns = 1;
        cells.freezeRows = t.nRow() + 1;
        int printedColumns = lastColumn;
        int[] chart = chartRows;
        printing.add(
            () -> {
              RowHeights.fit(cells, styleAt);
              TablePrint.setUp(cells, t, printedColumns, chart, styles.smallestFont());
            });
        placed.add(t);
      }
    }
    for (int s = wb.getNumberOfSheets() - 1; s >= 0; s--) {
      String name = wb.getSheetAt(s).getSheetName();
      if (order.stream().noneMatch(e -> e.table() == null && e.name().equals(name))) {
        wb.removeSheetAt(s);
      }
    }
    wb.order(order, firstSheetId);
    return placed;
  }

  /** Row kind of a figure the report prints again under another name: kept for the text only. */
  static final String REPEAT = "repeat";

  /** The blocks without their repeated rows (a figure printed once is enough). */
  private static List<MasterTableWriter.Block> printed(List<MasterTableWriter.Block> blocks) {
    return blocks.stream()
        .map(
            b ->
                new MasterTableWriter.Block(
                    b.caption(),
                    b.table()
                        .withFigures(
                            b.table().n(),
                            b.table().rows().stream()
                                .filter(r -> !r.kind().equals(REPEAT))
                                .toList())))
        .toList();
  }

  /** The columns a chart spans from column A: as many as fit one printed page's width. */
  private static int chartWidth(TableSheet sheet) {
    double w = 0;
    int c = 0;
    while (c < 30) {
      double next = TablePrint.columnWidth(sheet, c);
      if (w + next > TablePrint.PAGE_WIDTH * 0.95) {
        break;
      }
      w += next;
      c++;
    }
    return Math.max(2, c);
  }

  /**
   * The contents: one row per sheet in workbook order; a table's row has its number (a link to its
   * sheet), its section, its full title (a link too) and its named range.
   */
  private void contents(
      ReportWorkbook wb,
      XSSFSheet sheet,
      MasterMarker m,
      List<TablePlacement> placed,
      MasterStyles styles) {
    int r = m.row();
    int c = m.column();
    Row head = row(sheet, r++);
    String[] headings = {"Sheet", "Section", "Table", "Named range"};
    for (int i = 0; i < headings.length; i++) {
      Cell h = head.createCell(c + i);
      h.setCellStyle(
          styles.wrapped("header", org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT));
      h.setCellValue(headings[i]);
    }
    Map<String, TablePlacement> bySheet = new LinkedHashMap<>();
    placed.forEach(t -> bySheet.put(t.sheet(), t));
    var wrappedLink =
        styles.wrapped("contents_link", org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
    for (String target : wb.sheetOrder()) {
      if (target.equals(sheet.getSheetName())) {
        continue;
      }
      Row row = row(sheet, r++);
      TablePlacement t = bySheet.get(target);
      link(
          wb,
          row,
          c,
          target,
          target,
          t == null ? 0 : t.titleRow(),
          styles.get(t == null ? "contents_section" : "contents_link"));
      if (t == null) {
        continue;
      }
      Cell section = row.createCell(c + 1);
      section.setCellValue(t.table().section());
      section.setCellStyle(styles.get("footnote"));
      link(wb, row, c + 2, t.table().fullTitle(), t.sheet(), t.titleRow(), wrappedLink);
      Cell name = row.createCell(c + 3);
      name.setCellValue(TableNames.of(t.table().id()));
      name.setCellStyle(styles.get("footnote"));
    }
    sheet.setColumnWidth(c, 6 * 256);
    sheet.setColumnWidth(c + 1, 20 * 256);
    sheet.setColumnWidth(c + 2, 54 * 256);
    sheet.setColumnWidth(c + 3, 36 * 256);
    sheet.createFreezePane(0, m.row() + 1);
    sheet.setFitToPage(false);
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setScale((short) TablePrint.scale(TablePrint.width(sheet, c + 3), styles.smallestFont()));
    sheet.setRepeatingRows(new CellRangeAddress(m.row(), m.row(), -1, -1));
  }

  /** The row, made when absent. */
  static Row row(XSSFSheet sheet, int r) {
    Row row = sheet.getRow(r);
    return row != null ? row : sheet.createRow(r);
  }

  private static void link(
      XSSFWorkbook wb,
      Row row,
      int c,
      String text,
      String sheet,
      int targetRow,
      org.apache.poi.ss.usermodel.CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(text);
    cell.setCellStyle(style);
    XSSFHyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
    link.setAddress(
        "'" + sheet.replace("'", "''") + "'!" + new CellReference(targetRow, 0).formatAsString());
    cell.setHyperlink(link);
  }

  private void replacePlaceholders(XSSFWorkbook wb, ReportEdition edition) {
    Map<String, String> values = placeholders(edition);
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      for (Row row : wb.getSheetAt(s)) {
        for (Cell cell : row) {
          if (cell.getCellType() != CellType.STRING) {
            continue;
          }
          String text = cell.getStringCellValue();
          if (!text.contains("{{")) {
            continue;
          }
          String replaced = text;
          for (String[] m : MasterMarker.scan(text)) {
            if (m[2] == null && values.containsKey(m[1])) {
              replaced = replaced.replace(m[0], values.get(m[1]));
            }
          }
          if (!replaced.equals(text)) {
            cell.setCellValue(replaced);
          }
        }
      }
    }
  }

  Map<String, String> placeholders(ReportEdition edition) {
    Map<String, String> v = new LinkedHashMap<>();
    int year = Integer.parseInt(edition.reportingYear());
    v.put("report_label", edition.reportLabel());
    v.put("reporting_year", edition.reportingYear());
    v.put("period", edition.period());
    v.put("previous_year", String.valueOf(year - 1));
    v.put("year_before", String.valueOf(year - 2));
    v.put("generated_on", DAY.format(edition.generatedOn()));
    v.put("scope", edition.scope());
    v.put("yoy_points", String.valueOf(options.yoyPoints()));
    v.put("small_base", String.valueOf(options.smallBase()));
    v.put("suppress_up_to", String.valueOf(options.suppressUpTo()));
    v.put("name_prefix", TableNames.PREFIX);
    StringBuilder periods = new StringBuilder();
    for (String y : edition.years()) {
      String p = edition.yearPeriods().get(y);
      if (p != null) {
        periods.append(periods.length() == 0 ? "" : "; ").append(y).append(" = ").append(p);
      }
    }
    v.put("year_periods", periods.toString());
    return v;
  }

  private static void clear(XSSFSheet sheet, MasterMarker m) {
    Row row = sheet.getRow(m.row());
    Cell cell = row == null ? null : row.getCell(m.column());
    if (cell != null) {
      cell.setBlank();
    }
  }

  private static void properties(XSSFWorkbook wb, ReportEdition edition) {
    var props = wb.getProperties();
    var core = props.getCoreProperties();
    String title = "Insights Idva dataset " + edition.reportLabel() + " - " + edition.scope();
    core.setTitle(title);
    core.setSubjectProperty("Outcomes of Idva services, " + edition.period());
    core.setCreator("Idva Insights");
    core.setDescription("Generated on " + edition.generatedOn() + " from the services' returns.");
    Date created = Date.from(edition.generatedOn().atStartOfDay().toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(created));
    core.setModified(Optional.of(created));
    var custom = props.getCustomProperties();
    setCustom(custom, "Reporting period", edition.period());
    setCustom(custom, "Generated on", edition.generatedOn().toString());
    setCustom(custom, "Scope", edition.scope());
  }

  private static void setCustom(
      org.apache.poi.ooxml.POIXMLProperties.CustomProperties custom, String name, String value) {
    if (custom.contains(name)) {
      custom.getProperty(name).setLpwstr(value);
    } else {
      custom.addProperty(name, value);
    }
  }
}
