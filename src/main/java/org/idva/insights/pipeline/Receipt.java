package org.idva.insights.pipeline;

import java.nio.file.Path;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;

/**
 * What the {@link Pipeline} did with one {@link Submission}: the checked return (status and every
 * finding, the store's included), what the merge did, and where the service's feedback was written.
 * Each way in presents it its own way (a console line, a reply e-mail, a web page).
 *
 * @param checked the return's final status and findings
 * @param merge what merging it into the case store did
 * @param casesAdded cases this return added to its service's data
 * @param casesReplaced cases whose rows this return replaced
 * @param checkedWorkbook the service's checked copy, or null when none was written (a refused
 *     submission, or a check without feedback)
 * @param messageText the feedback message as text, or null
 * @param messageHtml the feedback message as HTML, or null
 * @param quarantined where a rejected or refused file was set aside, or null
 * @param refused true when the sender may not submit for the service the return is for: nothing of
 *     it was stored and no feedback was written for the service
 */
public record Receipt(
    Submission submission,
    CheckedReturn checked,
    Merge merge,
    int casesAdded,
    int casesReplaced,
    Path checkedWorkbook,
    Path messageText,
    Path messageHtml,
    Path quarantined,
    boolean refused) {

  /** What merging a return into the case store did. */
  public enum Merge {
    ADDED("added"),
    REPLACED("replaced an earlier return"),
    ALREADY_RECEIVED("already received, nothing changed"),
    OUTDATED("older than the current return for its quarter, kept in the history only"),
    RECORDED("recorded in the history, nothing stored"),
    NOT_MERGED("not merged");

    private final String description;

    Merge(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public ReturnStatus status() {
    return checked.status();
  }

  public boolean hasErrors() {
    return checked.count(Severity.ERROR) > 0;
  }

  /** The service the return is for, or null when it could not be told. */
  public String service() {
    return checked.info().service();
  }

  /** The run's one line for this return. */
  public String summary() {
    CheckedReturn c = checked;
    return String.format(
        "%-32s %-22s rows %6d  errors %4d  queries %4d  notices %4d%s",
        c.info().fileName(),
        refused ? "Refused" : c.status().label(),
        c.rows().size(),
        c.count(Severity.ERROR),
        c.count(Severity.QUERY),
        c.count(Severity.NOTICE),
        checkedWorkbook == null ? "" : "  -> " + checkedWorkbook);
  }
}
