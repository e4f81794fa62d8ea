package org.idva.insights.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Synthetic returns for nine services over three reporting years (2020-21 to 2022-23), calibrated
 * so that the 2022-23 data reproduces the seed report's counts and the earlier years its
 * percentages. Deterministic for a seed. {@code scale} K builds K independent sets of nine services
 * (services SVC01 to SVC(9K)), one set at a time, so memory stays flat.
 */
public final class SampleGenerator {
  /** First calendar year of each reporting year generated, newest first (it is built first). */
  static final int[] START_YEARS = {2022, 2021, 2020};

  private final Schema schema;
  private final long seed;
  private final int scale;
  private final SeedTargets seedTargets;

  public SampleGenerator(Schema schema, long seed, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1, was " + scale);
    }
    this.schema = schema;
    this.seed = seed;
    this.scale = scale;
    this.seedTargets = new SeedTargets(schema);
  }

  /** The number of returns {@link #generate} produces: services x 4 quarters x 3 years. */
  public int returnCount() {
    return scale * Services.SIZES.length * 4 * START_YEARS.length;
  }

  /** Produces every return, one set of nine services at a time. */
  public void generate(Consumer<ReturnContent> sink) {
    for (int replica = 0; replica < scale; replica++) {
      replica(replica).forEach(sink);
    }
  }

  /** The 108 returns of one set of nine services. */
  List<ReturnContent> replica(int replica) {
    Random random = new Random(seed * 1_000_003L + replica);
    Services services = new Services(replica);
    List<YearBuilder> years = new ArrayList<>();
    List<Rec> carried = new ArrayList<>();
    for (int startYear : START_YEARS) {
      YearBuilder year =
          new YearBuilder(
              schema,
              seedTargets.year(Integer.toString(startYear + 1)),
              startYear,
              services,
              random);
      if (startYear > START_YEARS[START_YEARS.length - 1]) {
        SeedTargets.YearTargets before = seedTargets.year(Integer.toString(startYear));
        year.carryBudget = Math.max(0, before.intakes - before.exits - 60);
      }
      year.build(carried);
      carried = year.carriedBack;
      years.add(year);
    }
    new SummaryFit(schema, seedTargets, random).apply(years);
    List<ReturnContent> out = new ArrayList<>();
    for (int startYear = 2020; startYear <= 2022; startYear++) {
      for (int q = 1; q <= 4; q++) {
        ReportingQuarter quarter = new ReportingQuarter(startYear, q);
        for (String service : services.codes) {
          out.add(content(service, quarter, services, years));
        }
      }
    }
    return replica == 0 ? Slips.apply(out, schema) : out;
  }

  private ReturnContent content(
      String service, ReportingQuarter quarter, Services services, List<YearBuilder> years) {
    String file = service + "_" + quarter.fileLabel() + ".xlsx";
    Map<String, List<Rec>> bySheet = new LinkedHashMap<>();
    for (SheetDefinition def : schema.sheets()) {
      bySheet.put(def.ref(), new ArrayList<>());
    }
    for (YearBuilder year : years) {
      for (Rec intake : year.intakes) {
        if (intake.service.equals(service) && quarter.contains(intake.date)) {
          bySheet.get("intake").add(intake);
          for (Rec child : intake.children) {
            bySheet.get("intake.children").add(child);
          }
        }
      }
      for (Rec review : year.reviews) {
        if (review.service.equals(service) && quarter.contains(review.date)) {
          bySheet.get("review").add(review);
        }
      }
      for (Rec exit : year.exits) {
        if (exit.service.equals(service) && quarter.contains(exit.date)) {
          bySheet.get("exit").add(exit);
        }
      }
      for (Rec cj : year.criminal) {
        if (cj.service.equals(service) && quarter.contains(cj.exit.date)) {
          bySheet.get("criminal_justice").add(cj);
          for (Rec report : cj.children) {
            bySheet.get("criminal_justice.police_reports").add(report);
          }
          for (Rec report : cj.children) {
            bySheet.get("criminal_justice.incidents").addAll(report.children);
          }
        }
      }
      for (Rec cv : year.civil) {
        if (cv.service.equals(service) && quarter.contains(cv.exit.date)) {
          bySheet.get("civil_justice").add(cv);
          bySheet.get("civil_justice.civil_orders").addAll(cv.children);
        }
      }
    }
    sortByDate(bySheet.get("intake"));
    sortByDate(bySheet.get("review"));
    sortByDate(bySheet.get("exit"));
    List<FormRow> rows = new ArrayList<>();
    for (SheetDefinition def : schema.sheets()) {
      int excelRow = 2;
      for (Rec rec : bySheet.get(def.ref())) {
        rows.add(
            new FormRow(
                service,
                def.ref(),
                new SourceLocation(file, def.sheetName(), excelRow++, SourceLocation.NONE),
                values(rec, def)));
      }
    }
    return new ReturnContent(service, quarter, services.contact(service), rows, Map.of());
  }

  private static void sortByDate(List<Rec> recs) {
    recs.sort(Comparator.comparing((Rec r) -> r.date));
  }

  /** A record's answers in the sheet's field order, with its keys and dates. */
  private static Map<String, Object> values(Rec rec, SheetDefinition def) {
    Map<String, Object> all = new HashMap<>(rec.values);
    switch (def.ref()) {
      case "intake" -> {
        all.putAll(rec.client.values);
        all.put("intake_date", rec.date);
      }
      case "exit", "review" -> {
        all.put("case_ref", rec.intake.get("case_ref"));
        all.put(def.ref().equals("exit") ? "exit_date" : "review_date", rec.date);
      }
      default -> {}
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (var field : def.fields()) {
      Object v = all.get(field.id());
      if (v != null) {
        ordered.put(field.id(), v);
      }
    }
    return ordered;
  }

  /** Dates typed as text in a slip look like this. */
  static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static String textDate(LocalDate date) {
    return TEXT_DATE.format(date);
  }

  static boolean blankColumn(List<FormRow> rows, String sheet, Column column) {
    for (FormRow row : rows) {
      if (row.sheet().equals(sheet) && row.get(column.field().id()) != null) {
        if (!column.isOption()
            || (row.get(column.field().id()) instanceof java.util.Collection<?> c
                && c.contains(column.option().code()))) {
          return false;
        }
      }
    }
    return true;
  }
}
