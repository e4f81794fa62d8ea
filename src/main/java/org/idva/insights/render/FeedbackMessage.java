package org.idva.insights.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;

/**
 * The message to the service's data lead about one return, in plain text and HTML (Freemarker
 * templates {@code feedback-message.txt.ftl} and {@code feedback-message.html.ftl}): the status,
 * the counts, the main problems and what to do next. Names only this return and its own cells.
 */
public final class FeedbackMessage {
  /** At most this many checks are named as main problems. */
  static final int MAIN_PROBLEMS = 5;

  private final TextTemplates templates = new TextTemplates();
  private final Function<String, String> titles;

  public FeedbackMessage(Function<String, String> titles) {
    this.titles = titles;
  }

  /** The message as plain text and HTML. */
  public record Message(String subject, String text, String html) {}

  public Message render(CheckedReturn checked, String workbookName) {
    Map<String, Object> model = new HashMap<>();
    var info = checked.info();
    model.put("file", info.fileName());
    model.put("service", info.service() == null ? "your service" : info.service());
    model.put("quarter", info.quarter() == null ? "" : info.quarter().label());
    model.put("status", checked.status().label());
    model.put("errors", checked.count(Severity.ERROR));
    model.put("queries", checked.count(Severity.QUERY));
    model.put("notices", checked.count(Severity.NOTICE));
    model.put("rows", checked.rows().size());
    model.put("workbook", workbookName);
    model.put("problems", mainProblems(checked.findings()));
    model.put("next", nextSteps(checked.status()));
    String subject =
        "Idva Insights: your return " + info.fileName() + " is " + checked.status().label();
    model.put("subject", subject);
    return new Message(
        subject,
        templates.render("feedback-message.txt.ftl", model),
        templates.render("feedback-message.html.ftl", model));
  }

  private List<Map<String, Object>> mainProblems(List<Finding> findings) {
    Map<String, List<Finding>> byCode = new LinkedHashMap<>();
    findings.stream()
        .filter(f -> f.severity() != Severity.NOTICE)
        .sorted(java.util.Comparator.comparing(Finding::severity))
        .forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
    List<Map<String, Object>> out = new ArrayList<>();
    byCode.entrySet().stream()
        .limit(MAIN_PROBLEMS)
        .forEach(
            e -> {
              Finding first = e.getValue().get(0);
              Map<String, Object> p = new HashMap<>();
              p.put("title", titles.apply(e.getKey()));
              p.put("code", e.getKey());
              p.put("severity", first.severity().name().toLowerCase(java.util.Locale.ROOT));
              p.put("count", e.getValue().size());
              p.put("where", first.location().describe());
              p.put("found", InertText.plain(first.found() == null ? "" : first.found()));
              p.put("expected", first.expected());
              p.put("fix", first.fix());
              out.add(p);
            });
    return out;
  }

  private static String nextSteps(ReturnStatus status) {
    return switch (status) {
      case ACCEPTED -> "Nothing to do: thank you. Your data will be in this year's report.";
      case ACCEPTED_WITH_QUERIES ->
          "Your data has been used. Please look at the queries in the attached workbook and"
              + " confirm or correct them in your next return.";
      case EXPLAINED ->
          "Nothing to do: thank you for explaining the queries. Your data will be in this year's"
              + " report.";
      case PARTIALLY_ACCEPTED ->
          "Rows with errors were left out; the rest has been used. Please correct the coloured"
              + " cells in the attached workbook and send the whole return again.";
      case REJECTED ->
          "Nothing from this file has been used; the data we already held from you is kept."
              + " Please fix the problems listed and send the return again.";
    };
  }
}
