package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * The sample's one set of nine services assembled as the generator did before {@code --scale}
 * pooled builds (a copy of that code, scanning every record per return, over the generator's own
 * build): the oracle that shows filing and assembling returns kept scale 1 as it was.
 */
final class LegacyReplica {
  private final Schema schema;
  private final SampleGenerator generator;

  private LegacyReplica(Schema schema, long seed) {
    this.schema = schema;
    this.generator = new SampleGenerator(schema, seed, 1);
  }

  static List<ReturnContent> returns(Schema schema, long seed) {
    return new LegacyReplica(schema, seed).replica();
  }

  /**
   * The 108 returns of the one calibrated build (the generator's own build, assembled the old way).
   */
  private List<ReturnContent> replica() {
    Services services = new Services(0);
    List<YearBuilder> years = generator.build(0, services);
    List<ReturnContent> out = new ArrayList<>();
    for (int startYear = 2020; startYear <= 2022; startYear++) {
      for (int q = 1; q <= 4; q++) {
        ReportingQuarter quarter = new ReportingQuarter(startYear, q);
        for (String service : services.codes) {
          out.add(content(service, quarter, services, years));
        }
      }
    }
    return Slips.apply(out, schema);
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
                SampleGenerator.values(rec, def)));
      }
    }
    return new ReturnContent(service, quarter, services.contact(service), rows, Map.of());
  }

  private static void sortByDate(List<Rec> recs) {
    recs.sort(Comparator.comparing((Rec r) -> r.date));
  }
}
