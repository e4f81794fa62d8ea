package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * The sample's one set of nine services exactly as the generator assembled it before {@code
 * --scale} pooled builds (a copy of that code, scanning every record per return): the oracle that
 * shows scale 1 is unchanged.
 */
final class LegacyReplica {
  private static final int[] START_YEARS = SampleGenerator.START_YEARS;
  private final Schema schema;
  private final long seed;
  private final SeedTargets seedTargets;

  private LegacyReplica(Schema schema, long seed) {
    this.schema = schema;
    this.seed = seed;
    this.seedTargets = new SeedTargets(schema);
  }

  static List<ReturnContent> returns(Schema schema, long seed) {
    return new LegacyReplica(schema, seed).replica(0);
  }

  /** The 108 returns of one set of nine services. */
  private List<ReturnContent> replica(int replica) {
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
}
