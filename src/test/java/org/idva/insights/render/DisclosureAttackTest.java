package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.cli.Main;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.idva.insights.report.ReportDefinitions;
import org.idva.insights.report.ReportEngine;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of docs/disclosure.md on every service workbook `insights run` writes from the shipped
 * sample: an attacker reads each table's printed cells, turns every count, % (with its n) and
 * hidden cell into the range of counts it allows, and narrows the ranges through every sum the
 * table shows (n = the answers, a total = its rows, a subtotal = its breakdown) until nothing
 * changes. A cell narrowed to a single count from 1 to 4 that is the true count (the engine's,
 * unsuppressed, for that year) is a disclosure. There must be none; and the number of services is
 * printed.
 */
class DisclosureAttackTest {
  private static final int UP_TO = 4;
  @TempDir Path dir;

  @Test
  void noCountFromOneToFourCanBeWorkedOutOfAnyServiceWorkbook() throws Exception {
    Path store = dir.resolve("s.db");
    Path out = dir.resolve("out");
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      Main.run(
          "run",
          "--input",
          "input",
          "--output",
          out.toString(),
          "--store",
          store.toString(),
          "--generated-on",
          "2026-11-26");
    } finally {
      System.setOut(old);
    }
    List<Path> workbooks;
    try (Stream<Path> files = Files.list(out.resolve("services"))) {
      workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
    assertThat(workbooks).hasSizeGreaterThan(3);

    Schema schema = SchemaLoader.loadDefault();
    ReportEngine engine = new ReportEngine(schema, ReportDefinitions.loadDefault(schema));
    List<String> disclosures = new ArrayList<>();
    int attacked = 0;
    int hidden = 0;
    try (CaseStore cases = CaseStore.open(StoreConfig.of(store.toString(), schema))) {
      CaseData all = cases.caseData();
      int year = engine.load(all).latestYear();
      for (Path file : workbooks) {
        String service = file.getFileName().toString().replace(".xlsx", "");
        ReportEngine.Tabulation tab = engine.load(all.forService(service));
        List<String> ids =
            ReportDefinitions.loadDefault(schema).tables().stream().map(t -> t.id()).toList();
        // the true counts of every year: each year tabulated as if it were the reporting year
        Map<String, Map<String, TableResult>> truth = new HashMap<>();
        for (int y = year; y > year - 3; y--) {
          Map<String, TableResult> byId = new HashMap<>();
          tab.tables(y, ids).forEach(t -> byId.put(t.id(), t));
          truth.put(String.valueOf(y), byId);
        }
        try (XSSFWorkbook wb = MasterWorkbookWriterTest.open(file)) {
          for (TableResult t : truth.get(String.valueOf(year)).values()) {
            Attack a = new Attack(wb, t, truth);
            attacked += a.cells;
            hidden += a.hidden;
            a.disclosures.forEach(d -> disclosures.add(service + " " + d));
          }
          assertThat(servicesFigure(wb)).as(service + ": number of services").isEqualTo("1");
        }
      }
    }
    System.out.printf(
        "DisclosureAttackTest: %d workbooks, %d cells attacked, %d hidden, %d disclosed%n",
        workbooks.size(), attacked, hidden, disclosures.size());
    assertThat(attacked).isGreaterThan(10_000);
    assertThat(hidden).isGreaterThan(100);
    assertThat(disclosures).as(String.join("\n", disclosures)).isEmpty();
  }

  /** The printed number of services in the headline table. */
  private static String servicesFigure(XSSFWorkbook wb) {
    AreaReference area = area(wb, "headline_figures");
    XSSFSheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
    for (int r = area.getFirstCell().getRow(); r <= area.getLastCell().getRow(); r++) {
      Row row = sheet.getRow(r);
      if (row != null && "Idva services in the dataset".equals(text(row.getCell(0)))) {
        return text(row.getCell(1));
      }
    }
    return null;
  }

  static AreaReference area(XSSFWorkbook wb, String id) {
    return new AreaReference(
        wb.getName(TableNames.of(id)).getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
  }

  static String text(Cell c) {
    if (c == null) {
      return null;
    }
    return switch (c.getCellType()) {
      case NUMERIC -> {
        double d = c.getNumericCellValue();
        yield d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
      }
      case STRING -> c.getStringCellValue();
      default -> null;
    };
  }

  /** One table of one service workbook under attack. */
  private static final class Attack {
    final List<String> disclosures = new ArrayList<>();
    int cells;
    int hidden;

    Attack(XSSFWorkbook wb, TableResult truth, Map<String, Map<String, TableResult>> years) {
      AreaReference area = area(wb, truth.id());
      XSSFSheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
      int nRow = area.getFirstCell().getRow();
      while (!"n=".equals(text(sheet.getRow(nRow).getCell(0)))) {
        nRow++;
      }
      Row header = sheet.getRow(nRow - 1);
      // the service's columns come first, in the table's column order (text columns aside)
      List<Integer> sheetColumns = new ArrayList<>();
      for (int c = 1; c <= area.getLastCell().getCol(); c++) {
        String h = text(header.getCell(c));
        if (h != null && !h.endsWith(" Text")) {
          sheetColumns.add(c);
        }
      }
      List<String> keys = truth.columns();
      List<TableResult.Row> rows =
          truth.rows().stream().filter(r -> !r.kind().equals("repeat")).toList();
      TableResult printedTruth = truth.withFigures(truth.n(), rows);
      // per (row, group): the range of counts the printed figures allow
      Map<String, long[]> range = new HashMap<>();
      Map<String, Long> n = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String group = Suppression.group(keys.get(i));
        Cell nc = sheet.getRow(nRow).getCell(sheetColumns.get(i));
        if (nc != null && nc.getCellType() == CellType.NUMERIC) {
          n.put(group, (long) nc.getNumericCellValue());
        }
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.getRow(nRow + 1 + r);
        for (int i = 0; i < keys.size(); i++) {
          String key = keys.get(i);
          String group = Suppression.group(key);
          String measure = key.substring(key.lastIndexOf('.') + 1);
          if (!measure.equals("count") && !measure.equals("pct") && !measure.equals("per_100")) {
            continue;
          }
          Cell c = row.getCell(sheetColumns.get(i));
          String id = r + "|" + group;
          long top = n.getOrDefault(group, Long.MAX_VALUE / 4);
          long[] now = range.getOrDefault(id, new long[] {0, top});
          if (c != null && c.getCellType() == CellType.NUMERIC) {
            double v = c.getNumericCellValue();
            cells++;
            if (measure.equals("count")) {
              now = intersect(now, new long[] {(long) v, (long) v});
            } else if (n.containsKey(group)) {
              int pct = (int) Math.round(measure.equals("pct") ? v * 100 : v);
              List<Long> counts = Suppression.countsFor(pct, n.get(group));
              if (!counts.isEmpty() && rowOnTableBase(rows.get(r))) {
                now = intersect(now, new long[] {counts.get(0), counts.get(counts.size() - 1)});
              }
            }
          } else if (c != null && Suppression.MARK.equals(text(c))) {
            hidden++;
          }
          range.put(id, now);
        }
      }
      // narrow through every sum the table shows
      List<SumRelations.Relation> sums = SumRelations.of(printedTruth);
      for (int round = 0; round < 6; round++) {
        for (SumRelations.Relation s : sums) {
          long[] total =
              s.total() < 0
                  ? (n.containsKey(s.group())
                      ? new long[] {n.get(s.group()), n.get(s.group())}
                      : null)
                  : range.get(s.total() + "|" + s.group());
          if (total == null) {
            continue;
          }
          long lo = 0;
          long hi = 0;
          for (int m : s.members()) {
            long[] x = range.get(m + "|" + s.group());
            lo += x[0];
            hi += x[1];
          }
          for (int m : s.members()) {
            long[] x = range.get(m + "|" + s.group());
            long[] y = {total[0] - (hi - x[1]), total[1] - (lo - x[0])};
            range.put(m + "|" + s.group(), intersect(x, y));
          }
          if (s.total() >= 0) {
            range.put(s.total() + "|" + s.group(), intersect(total, new long[] {lo, hi}));
          }
        }
      }
      for (Map.Entry<String, long[]> e : range.entrySet()) {
        long[] x = e.getValue();
        if (x[0] != x[1] || x[0] < 1 || x[0] > UP_TO) {
          continue;
        }
        int r = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('|')));
        String group = e.getKey().substring(e.getKey().indexOf('|') + 1);
        if (rows.get(r).kind().equals("services")) {
          continue;
        }
        Long actual = trueCount(years, truth.id(), rows.get(r).label(), group);
        if (actual != null && actual == x[0]) {
          disclosures.add(
              truth.id() + " / " + rows.get(r).label() + " / " + group + " = " + actual);
        }
      }
    }

    /** Rows with a denominator of their own (a filter, another base) are not a share of n. */
    private static boolean rowOnTableBase(TableResult.Row r) {
      return r.kind().equals("category") || r.kind().equals("missing");
    }

    private static Long trueCount(
        Map<String, Map<String, TableResult>> years, String id, String label, String group) {
      String year = group.contains(".") ? group.substring(0, group.indexOf('.')) : group;
      TableResult t = years.get(year) == null ? null : years.get(year).get(id);
      if (t == null) {
        return null;
      }
      for (TableResult.Row r : t.rows()) {
        if (r.label().equals(label) && r.values().get(group + ".count") instanceof Number c) {
          return c.longValue();
        }
      }
      return null;
    }

    private static long[] intersect(long[] a, long[] b) {
      return new long[] {Math.max(a[0], b[0]), Math.min(a[1], b[1])};
    }
  }
}
