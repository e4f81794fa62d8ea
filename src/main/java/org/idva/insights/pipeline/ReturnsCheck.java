package org.idva.insights.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.ingest.WorkbookReader;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.PackageParts;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnOrigin;
import org.idva.insights.model.ReturnReadException;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.render.Feedback;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.StoreCheck;
import org.idva.insights.validate.Check;
import org.idva.insights.validate.KnownCases;
import org.idva.insights.validate.ReturnChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks return files one by one, writes each service's feedback and (optionally) copies
 * rejected files into quarantine. A file that breaks the reader or the checks in an unexpected way
 * is reported as unreadable; it never stops the other files.
 */
final class ReturnsCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ReturnsCheck.class);

  /** What happened to one file. */
  record Outcome(Path file, CheckedReturn checked, Feedback.Files feedback, Path quarantined) {
    boolean hasErrors() {
      return checked.count(Severity.ERROR) > 0;
    }
  }

  private final ReturnChecker checker;
  private final WorkbookReader reader = new WorkbookReader();
  private final Feedback feedback = new Feedback(ReturnsCheck::title);

  ReturnsCheck(Schema schema, KnownCases known) {
    this.checker = new ReturnChecker(schema, known);
  }

  static String title(String code) {
    return Check.ofCode(code)
        .map(Check::title)
        .or(() -> StoreCheck.ofCode(code).map(StoreCheck::title))
        .orElse(code);
  }

  List<Outcome> checkAll(Path fileOrFolder, Path feedbackRoot, Path quarantine) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (Path file : ReturnFiles.find(fileOrFolder)) {
      outcomes.add(checkOne(file, feedbackRoot, quarantine));
    }
    return outcomes;
  }

  Outcome checkOne(Path file, Path feedbackRoot, Path quarantine) throws IOException {
    Checked checked = check(file);
    return finish(checked, List.of(), feedbackRoot, quarantine);
  }

  /**
   * A return read and checked, before its feedback is written; {@code parts} are the package's
   * parts as the reader inflated them, which its checked copy reads rather than inflating them
   * again ({@link PackageParts#NONE} once they need not be held any longer).
   */
  record Checked(Path file, CheckedReturn result, boolean opened, PackageParts parts) {
    Checked(Path file, CheckedReturn result, boolean opened) {
      this(file, result, opened, PackageParts.NONE);
    }

    /** The same, with another result (the parts kept). */
    Checked with(CheckedReturn other) {
      return new Checked(file, other, opened, parts);
    }

    /** The same without the parts, so they are not held while the return waits to be merged. */
    Checked withoutParts() {
      return new Checked(file, result, opened);
    }
  }

  /** Reads and checks one file; never throws for a bad file (it becomes an unreadable return). */
  Checked check(Path file) throws IOException {
    return check(file, ReturnOrigin.of(file));
  }

  /**
   * Reads and checks the file kept at {@code file} that came from {@code origin}; never throws for
   * a bad file (it becomes an unreadable return).
   */
  Checked check(Path file, ReturnOrigin origin) throws IOException {
    try (RawWorkbook wb = reader.open(file)) {
      return new Checked(file, checker.check(file, origin, wb), true, wb.parts());
    } catch (ReturnReadException e) {
      return new Checked(file, checker.unreadable(file, origin, e), false);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: could not be read ({})", origin.fileName(), e.toString());
      return new Checked(
          file,
          checker.unreadable(
              file,
              origin,
              new ReturnReadException(
                  ReadProblem.CORRUPT, "the file could not be read (" + e.getMessage() + ")", e)),
          false);
    }
  }

  /**
   * Writes the service's feedback (with any findings later stages added, such as the store's
   * unmatched rows) and sets a rejected file aside in quarantine beside its report.
   */
  Outcome finish(Checked c, List<Finding> extra, Path feedbackRoot, Path quarantine)
      throws IOException {
    return write(c, merged(c, extra), feedbackRoot, quarantine);
  }

  /**
   * The outcome {@code prepared} (written for no extra findings) when the later stages' findings
   * change nothing in it (none, or only notes the checks had already made), so nothing needs
   * writing again; otherwise the feedback written again with them.
   */
  Outcome finish(
      Checked c, List<Finding> extra, Path feedbackRoot, Path quarantine, Outcome prepared)
      throws IOException {
    CheckedReturn merged = merged(c, extra);
    if (prepared != null
        && merged.status() == prepared.checked().status()
        && merged.findings().equals(prepared.checked().findings())) {
      return prepared;
    }
    return write(c, merged, feedbackRoot, quarantine);
  }

  /** The checked return with any findings later stages added, such as the store's. */
  private static CheckedReturn merged(Checked c, List<Finding> extra) {
    CheckedReturn checked = c.result();
    if (!extra.isEmpty()) {
      List<Finding> all = new ArrayList<>(checked.findings());
      // The checks already queried rows without an intake; the store's own note on the same row
      // would say it twice.
      java.util.Set<String> queried = new java.util.HashSet<>();
      for (Finding f : checked.findings()) {
        if (f.code().equals(Check.NO_INTAKE.code())) {
          queried.add(f.location().sheet() + "!" + f.location().row());
        }
      }
      for (Finding f : extra) {
        if (!(f.code().equals(StoreCheck.NO_INTAKE_FOR_CASE.code())
            && queried.contains(f.location().sheet() + "!" + f.location().row()))) {
          all.add(f);
        }
      }
      ReturnStatus status = checked.status();
      if ((status == ReturnStatus.ACCEPTED || status == ReturnStatus.EXPLAINED)
          && all.stream().anyMatch(f -> f.severity() != Severity.NOTICE && f.isOpen())) {
        status = ReturnStatus.ACCEPTED_WITH_QUERIES;
      }
      checked = checked.with(status, all);
    }
    return checked;
  }

  private Outcome write(Checked c, CheckedReturn checked, Path feedbackRoot, Path quarantine)
      throws IOException {
    Path file = c.file();
    Feedback.Files files = null;
    if (feedbackRoot != null) {
      // No fallback: a return the reader opened always gets its checked copy back; a failure to
      // write it is a bug to fix (FeedbackPlainLanguageTest writes one for every corpus return).
      files = feedback.write(feedbackRoot, c.opened() ? file : null, c.parts(), checked);
    }
    Path quarantined = null;
    if (quarantine != null && checked.status() == ReturnStatus.REJECTED) {
      String name = checked.info().fileName();
      quarantined = ReturnFiles.quarantine(file, name, quarantine);
      if (files != null) {
        java.nio.file.Files.copy(
            files.text(),
            quarantine.resolve(Feedback.baseName(name) + "-report.txt"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new Outcome(file, checked, files, quarantined);
  }
}
