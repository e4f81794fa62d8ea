package org.idva.insights.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
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
    Map<String, TableResult> byId = index(tables);
    Path out = outDir.resolve(masterFileName(edition));
    render(
        id ->
            Optional.ofNullable(byId.get(id))
                .map(t -> List.of(new MasterTableWriter.Block(null, t))),
        tables,
        edition,
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
        out);
    return out;
  }

  private static TableResult empty(TableResult like) {
    List<TableResult.Row> rows =
        like.rows().stream()
            .map(r -> new TableResult.Row(r.label(), r.kind(), r.indent(), Map.of()))
            .toList();
    return new TableResult(
        like.id(), like.section(), like.title(), like.population(), like.columns(), Map.of(), rows);
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
      Path out)
      throws IOException {
    try (XSSFWorkbook wb = template.open()) {
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
      List<TablePlacement> placed = writeTables(wb, styles, blocks);
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
      for (MasterMarker m : template.markers("contents")) {
        XSSFSheet sheet = wb.getSheet(m.sheet());
        clear(sheet, m);
        contents(wb, sheet, m, placed, styles);
      }
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        RowHeights.fit(wb.getSheetAt(s));
      }
      pages.values().forEach(Pager::breakBetweenTables);
      pages.clear();
      ConditionalFormats.opaqueColours(wb);
      properties(wb, edition);
      wb.setActiveSheet(0);
      wb.setFirstVisibleTab(0);
      AtomicFile.write(out, wb::write);
      LOG.info("Wrote {} ({} tables, scope {})", out, placed.size(), edition.scope());
    }
  }

  /** Page breaks to set once row heights are known, per section sheet. */
  private final Map<String, Pager> pages = new LinkedHashMap<>();

  private List<TablePlacement> writeTables(
      XSSFWorkbook wb,
      MasterStyles styles,
      Function<String, Optional<List<MasterTableWriter.Block>>> blocks) {
    MasterTableWriter writer = new MasterTableWriter(styles);
    ConditionalFormats formats = new ConditionalFormats(styles, options);
    ChartWriter charts = new ChartWriter();
    List<TablePlacement> placed = new ArrayList<>();
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      XSSFSheet sheet = wb.getSheetAt(s);
      List<MasterMarker> tables =
          template.markers("table").stream()
              .filter(m -> m.sheet().equals(sheet.getSheetName()))
              .sorted(Comparator.comparingInt(MasterMarker::row))
              .toList();
      if (tables.isEmpty()) {
        continue;
      }
      List<MasterMarker> chartMarkers =
          template.markers("chart").stream()
              .filter(m -> m.sheet().equals(sheet.getSheetName()))
              .toList();
      chartMarkers.forEach(m -> clear(sheet, m));
      tables.forEach(m -> clear(sheet, m));
      int firstRow = tables.get(0).row();
      int r = firstRow;
      int rightmost = 1;
      List<int[]> spans = new ArrayList<>();
      for (MasterMarker m : tables) {
        Optional<List<MasterTableWriter.Block>> b = blocks.apply(m.argument());
        if (b.isEmpty()) {
          LOG.warn(
              "Table {} was not computed; its place on sheet {} stays empty",
              m.argument(),
              m.sheet());
          continue;
        }
        TablePlacement t = writer.write(sheet, r, b.get());

        formats.apply(sheet, t);
        int next = t.lastRow() + 3;
        for (MasterMarker c : chartMarkers) {
          if (c.row() == m.row() && ChartCatalog.table(c.argument()).equals(m.argument())) {
            boolean beside = t.lastColumn() < c.column();
            int row = beside ? t.titleRow() : t.lastRow() + 2;
            int rows =
                charts.draw(
                    sheet, t, ChartCatalog.spec(c.argument()), row, beside ? c.column() : 1);
            next = Math.max(next, row + rows + 2);
            rightmost = Math.max(rightmost, (beside ? c.column() : 1) + ChartWriter.WIDTH_COLUMNS);
          }
        }
        rightmost = Math.max(rightmost, t.lastColumn() + 1);
        spans.add(new int[] {t.titleRow(), next - 3});
        placed.add(t);
        r = next;
      }
      pages.put(sheet.getSheetName(), new Pager(sheet, firstRow, rightmost, spans));
      sheet.createFreezePane(1, firstRow);
      printSetup(sheet);
    }
    return placed;
  }

  private static void printSetup(XSSFSheet sheet) {
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
  }

  private void contents(
      XSSFWorkbook wb,
      XSSFSheet sheet,
      MasterMarker m,
      List<TablePlacement> placed,
      MasterStyles styles) {
    int r = m.row();
    int c = m.column();
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      XSSFSheet target = wb.getSheetAt(s);
      if (target == sheet) {
        continue;
      }
      Row row = MasterTableWriter.row(sheet, r++);
      link(
          wb,
          row,
          c,
          target.getSheetName(),
          target.getSheetName(),
          0,
          styles.get("contents_section"));
      for (TablePlacement t : placed) {
        if (t.sheet().equals(target.getSheetName())) {
          Row tr = MasterTableWriter.row(sheet, r++);
          link(wb, tr, c, t.table().title(), t.sheet(), t.titleRow(), styles.get("contents_link"));
          Cell name = tr.createCell(c + 1);
          name.setCellValue(TableNames.of(t.table().id()));
          name.setCellStyle(styles.get("footnote"));
        }
      }
    }
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
