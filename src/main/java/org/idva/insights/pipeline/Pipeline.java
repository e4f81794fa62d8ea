package org.idva.insights.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.ReturnOrigin;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.IngestResult;
import org.idva.insights.store.StoreBusyException;
import org.idva.insights.store.StoreException;
import org.idva.insights.validate.Check;
import org.idva.insights.validate.KnownCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the stages are called, in order, for a return however it arrived: read and check
 * it, make sure its sender may submit for its service, merge it into the case store, write the
 * service's feedback, set a rejected file aside. The input folder, the mailbox and the web page
 * build {@link Submission}s and present the {@link Receipt}s; none of them calls a stage itself.
 *
 * <p>Not thread-safe: one pipeline per thread (it holds the store's connection).
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final CaseStore store;
  private final ServiceRegistry registry;
  private final Path feedbackRoot;
  private final Path quarantine;
  private final ReturnsCheck check;

  /**
   * @param store the case store to merge into, or null to check and write feedback only (the checks
   *     then know no intake from earlier returns)
   * @param registry the registered services, or null to accept any service code
   * @param feedbackRoot where each service's feedback folder goes, or null for none
   * @param quarantine where rejected and refused files are set aside, or null
   */
  public Pipeline(
      Schema schema,
      CaseStore store,
      ServiceRegistry registry,
      Path feedbackRoot,
      Path quarantine) {
    this.store = store;
    this.registry = registry;
    this.feedbackRoot = feedbackRoot;
    this.quarantine = quarantine;
    this.check = new ReturnsCheck(schema, store == null ? KnownCases.NONE : store::hasIntake);
  }

  /** The registry this pipeline holds returns to, if any. */
  public Optional<ServiceRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /**
   * Takes one submission through every stage. A bad file never throws: it gets a receipt with its
   * findings. A store failure on this return leaves the store as it was (one transaction) and is
   * reported in the receipt; a store held by another run throws {@link StoreBusyException}.
   */
  public Receipt submit(Submission s) throws IOException {
    ReturnOrigin origin = new ReturnOrigin(s.originalName(), s.receivedAt());
    ReturnsCheck.Checked checked = check.check(s.file(), origin);
    Optional<Finding> refusal = senderRefusal(s, checked.result());
    if (refusal.isPresent()) {
      return refuse(s, checked, refusal.get());
    }
    Optional<Finding> unknown = unknownService(checked.result());
    if (unknown.isPresent()) {
      checked = reject(checked, unknown.get());
    }
    IngestResult ingested = unknown.isPresent() ? null : ingest(checked);
    ReturnsCheck.Outcome outcome =
        check.finish(
            checked, ingested == null ? List.of() : ingested.findings(), feedbackRoot, quarantine);
    return new Receipt(
        s,
        outcome.checked(),
        merge(ingested),
        ingested == null ? 0 : ingested.casesAdded(),
        ingested == null ? 0 : ingested.casesReplaced(),
        outcome.feedback() == null ? null : outcome.feedback().workbook(),
        outcome.feedback() == null ? null : outcome.feedback().text(),
        outcome.feedback() == null ? null : outcome.feedback().html(),
        outcome.quarantined(),
        false);
  }

  /** A sender registered for one service sending a return for another: refused outright. */
  private Optional<Finding> senderRefusal(Submission s, CheckedReturn checked) {
    String claimed = checked.info().service();
    if (s.senderService() == null
        || (claimed != null && claimed.strip().equalsIgnoreCase(s.senderService()))) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Severity.ERROR,
            Check.NOT_SENDERS_SERVICE.code(),
            SourceLocation.ofFile(s.originalName()),
            claimed == null ? "no service code" : claimed,
            "a return for the service you are registered for",
            "Send returns only for your own service. If you now send for another service, ask"
                + " the analyst to register you for it."));
  }

  private Optional<Finding> unknownService(CheckedReturn checked) {
    String service = checked.info().service();
    if (registry == null || service == null || registry.service(service).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Severity.ERROR,
            Check.UNKNOWN_SERVICE.code(),
            SourceLocation.ofFile(checked.info().fileName()),
            service,
            "one of the registered service codes",
            "Put your own service code on the About sheet and in the file name (ask the analyst"
                + " if you do not know it), then send the return again."));
  }

  private static ReturnsCheck.Checked reject(ReturnsCheck.Checked c, Finding f) {
    List<Finding> all = new ArrayList<>();
    all.add(f);
    all.addAll(c.result().findings());
    CheckedReturn r = new CheckedReturn(c.result().info(), ReturnStatus.REJECTED, all, List.of());
    return new ReturnsCheck.Checked(c.file(), r, c.opened());
  }

  /**
   * Nothing of a refused submission is stored and nothing goes back to the service: the file is set
   * aside with a short report for the analyst.
   */
  private Receipt refuse(Submission s, ReturnsCheck.Checked c, Finding why) throws IOException {
    CheckedReturn refused =
        new CheckedReturn(c.result().info(), ReturnStatus.REJECTED, List.of(why), List.of());
    Path kept = null;
    if (quarantine != null) {
      kept = ReturnFiles.quarantine(s.file(), "refused-" + s.originalName(), quarantine);
      String report =
          String.join(
              System.lineSeparator(),
              "Refused: " + s.originalName(),
              "Came by: " + s.channel().label() + " at " + s.receivedAt(),
              "Sender: " + s.sender() + " (registered for " + s.senderService() + ")",
              "Return is for: " + why.found(),
              "Nothing of it was stored; no feedback was sent.",
              "");
      Files.writeString(
          kept.resolveSibling(kept.getFileName() + "-report.txt"), report, StandardCharsets.UTF_8);
    }
    LOG.warn(
        "Refused a {} submission: sender registered for {}, return for {}",
        s.channel().label(),
        s.senderService(),
        why.found());
    return new Receipt(s, refused, Receipt.Merge.NOT_MERGED, 0, 0, null, null, null, kept, true);
  }

  /**
   * Merges a checked return into the store. A return whose service could not be read is not
   * recorded. A store failure on one return is logged and reported; a busy store is thrown.
   */
  private IngestResult ingest(ReturnsCheck.Checked checked) {
    if (store == null || checked.result().info().service() == null) {
      return null;
    }
    try {
      return store.ingest(checked.result());
    } catch (StoreBusyException e) {
      throw e;
    } catch (StoreException e) {
      LOG.error(
          "{}: not merged into the case store ({})",
          checked.result().info().fileName(),
          e.getMessage());
      return null;
    }
  }

  private static Receipt.Merge merge(IngestResult ingested) {
    if (ingested == null) {
      return Receipt.Merge.NOT_MERGED;
    }
    return switch (ingested.outcome()) {
      case ADDED -> Receipt.Merge.ADDED;
      case REPLACED -> Receipt.Merge.REPLACED;
      case DUPLICATE -> Receipt.Merge.ALREADY_RECEIVED;
      case OUTDATED -> Receipt.Merge.OUTDATED;
      case REJECTED -> Receipt.Merge.RECORDED;
    };
  }
}
