package org.idva.insights.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.render.ReturnWorkbookWriter;
import org.idva.insights.schema.Schema;

/**
 * The generated returns of two reporting years written as workbooks and read back with POI, with
 * the populations the report counts (intake cases, unique clients, exit cases with their matched
 * intake, reviews, children, police reports, incidents, civil justice clients).
 */
final class SampleData {
  /** A population element: the rows it is made of, keyed by sheet ref (exit + its intake). */
  record Element(Map<String, Map<String, Object>> rows) {
    Object get(String fieldRef) {
      int dot = fieldRef.lastIndexOf('.');
      Map<String, Object> row = rows.get(fieldRef.substring(0, dot));
      return row == null ? null : row.get(fieldRef.substring(dot + 1));
    }
  }

  final Map<Integer, Map<String, List<Element>>> populations = new HashMap<>();
  final List<Path> files = new ArrayList<>();

  /** Writes the returns of the given reporting years (first calendar year) and reads them back. */
  static SampleData generate(Schema schema, long seed, Path dir, int... startYears)
      throws Exception {
    SampleData data = new SampleData();
    List<ReturnContent> returns = new SampleGenerator(schema, seed, 1).replica(0);
    ReturnWorkbookWriter writer = new ReturnWorkbookWriter(schema);
    Map<Integer, Map<String, List<Map<String, Object>>>> sheets = new LinkedHashMap<>();
    for (ReturnContent r : returns) {
      int y = r.quarter().startYear();
      if (java.util.Arrays.stream(startYears).noneMatch(s -> s == y)) {
        continue;
      }
      Path file = dir.resolve(r.fileName());
      writer.write(r, file);
      data.files.add(file);
      Map<String, List<Map<String, Object>>> read = ReturnReader.read(file, schema);
      Map<String, List<Map<String, Object>>> year = sheets.computeIfAbsent(y, k -> new HashMap<>());
      read.forEach((k, v) -> year.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    Map<String, Map<String, Object>> intakeByRef = new HashMap<>();
    sheets
        .values()
        .forEach(
            year ->
                year.get("intake")
                    .forEach(i -> intakeByRef.put(i.get("_service") + "|" + i.get("case_ref"), i)));
    for (Map.Entry<Integer, Map<String, List<Map<String, Object>>>> e : sheets.entrySet()) {
      Map<String, List<Element>> pops = new HashMap<>();
      Map<String, List<Map<String, Object>>> year = e.getValue();
      pops.put("intake_cases", wrap("intake", year.get("intake")));
      Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
      for (Map<String, Object> i : year.get("intake")) {
        clients.putIfAbsent(i.get("_service") + "|" + i.get("client_ref"), i);
      }
      pops.put("unique_clients", wrap("intake", new ArrayList<>(clients.values())));
      List<Element> exits = new ArrayList<>();
      for (Map<String, Object> x : year.get("exit")) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        rows.put("exit", x);
        Map<String, Object> intake = intakeByRef.get(x.get("_service") + "|" + x.get("case_ref"));
        if (intake != null) {
          rows.put("intake", intake);
        }
        exits.add(new Element(rows));
      }
      pops.put("exit_cases", exits);
      pops.put("review_cases", wrap("review", year.get("review")));
      pops.put("children", wrap("intake.children", year.get("intake.children")));
      Map<String, java.util.Set<Object>> typesByReport = new HashMap<>();
      for (Map<String, Object> inc : year.get("criminal_justice.incidents")) {
        java.util.Set<Object> types =
            typesByReport.computeIfAbsent(
                inc.get("_service") + "|" + inc.get("case_ref") + "|" + inc.get("report_no"),
                k -> new java.util.LinkedHashSet<>());
        if (inc.get("incident_type") != null) {
          types.add(inc.get("incident_type"));
        }
      }
      List<Element> reports = new ArrayList<>();
      for (Map<String, Object> r : year.get("criminal_justice.police_reports")) {
        java.util.Set<Object> types =
            typesByReport.getOrDefault(
                r.get("_service") + "|" + r.get("case_ref") + "|" + r.get("report_no"),
                java.util.Set.of());
        Map<String, Object> holder = new HashMap<>();
        if (!types.isEmpty()) {
          holder.put("incident_type", types);
        }
        reports.add(
            new Element(
                Map.of(
                    "criminal_justice.police_reports", r, "criminal_justice.incidents", holder)));
      }
      pops.put("police_reports", reports);
      pops.put(
          "incidents", wrap("criminal_justice.incidents", year.get("criminal_justice.incidents")));
      pops.put("civil_clients", wrap("civil_justice", year.get("civil_justice")));
      pops.put("cj_cases", wrap("criminal_justice", year.get("criminal_justice")));
      pops.put(
          "civil_orders",
          wrap("civil_justice.civil_orders", year.get("civil_justice.civil_orders")));
      data.populations.put(e.getKey(), pops);
    }
    return data;
  }

  private static List<Element> wrap(String sheet, List<Map<String, Object>> rows) {
    List<Element> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      out.add(new Element(Map.of(sheet, r)));
    }
    return out;
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
