package org.idva.insights.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
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
  private final FindingText words;

  public FeedbackMessage(Function<String, String> titles) {
    this.words = new FindingText(titles);
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
    model.put("explained", NextStep.explained(checked));
    model.put("notices", checked.count(Severity.NOTICE));
    model.put("rows", checked.rows().size());
    model.put("workbook", workbookName);
    model.put("problems", mainProblems(checked.findings()));
    model.put("next", NextStep.sentence(checked, words::titleOfCode));
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
    IssuesSheetWriter.sorted(findings).stream()
        .filter(Finding::isOpen)
        .forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
    List<Map<String, Object>> out = new ArrayList<>();
    byCode.entrySet().stream()
        .limit(MAIN_PROBLEMS)
        .forEach(
            e -> {
              Finding first = e.getValue().get(0);
              Map<String, Object> p = new HashMap<>();
              p.put("title", words.title(first));
              p.put("code", e.getKey());
              p.put("severity", FindingText.severity(first));
              p.put("count", e.getValue().size());
              p.put("where", FindingText.where(first));
              p.put("found", InertText.plain(first.found() == null ? "" : first.found()));
              p.put("expected", first.expected());
              p.put("fix", first.fix());
              out.add(p);
            });
    return out;
  }
}
