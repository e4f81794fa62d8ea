package org.idva.insights.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.idva.insights.ingest.ReturnFiles;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnOrigin;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.render.Feedback;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.IngestProgress;
import org.idva.insights.store.IngestResult;
import org.idva.insights.store.PreparedReturn;
import org.idva.insights.store.StoreBusyException;
import org.idva.insights.store.StoreException;
import org.idva.insights.store.StoredReturn;
import org.idva.insights.validate.Check;
import org.idva.insights.validate.KnownCases;
import org.idva.insights.validate.ReturnChecker;
import org.idva.insights.validate.ReturnFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the stages are called, in order, for a return however it arrived: read and check
 * it, make sure its sender may submit for its service, merge it into the case store, write the
 * service's feedback, set a rejected file aside. The input folder, the mailbox and the web page
 * build {@link Submission}s and present the {@link Receipt}s; none of them calls a stage itself.
 *
 * <p>{@link #submit} is for one thread at a time (the pipeline holds the store's connection);
 * {@link #submitAll} runs many submissions on several threads with the same results, in the same
 * order, as one after the other.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final CaseStore store;
  private final ServiceRegistry registry;
  private final Path feedbackRoot;
  private final Path quarantine;
  private final ThreadLocal<ReturnsCheck> checks;
  private final Object storeLock = new Object();

  /** Held for the reads on the store's second connection, which an ingest does not hold up. */
  private final Object readLock = new Object();

  private volatile Turns turns = Turns.SERIAL;
  Faults faults = Faults.fromSystemProperty();

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
    KnownCases known =
        store == null
            ? KnownCases.NONE
            : new KnownCases() {
              @Override
              public boolean hasIntake(String service, String caseRef) {
                return forOneReturn().hasIntake(service, caseRef);
              }

              @Override
              public void returnMayBeFor(List<String> services) {
                turns.servicesPossible(services);
              }

              @Override
              public KnownCases forOneReturn() {
                return new StoredIntakes(this);
              }
            };
    this.checks = ThreadLocal.withInitial(() -> new ReturnsCheck(schema, known));
  }

  /** The registry this pipeline holds returns to, if any. */
  public Optional<ServiceRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /**
   * Takes one submission through every stage. A bad file never throws: it gets a receipt with its
   * findings. A file whose bytes the store already holds (same SHA-256) is recognised before it is
   * read: nothing is read, stored or rewritten, and its receipt says {@link
   * Receipt.Merge#UNCHANGED}. Any failure while reading, checking, merging or writing feedback for
   * this file (an unexpected exception, an {@link OutOfMemoryError} where the heap allows) leaves
   * the store as it was before it and gives a receipt {@link Receipt.Merge#NOT_PROCESSED} whose
   * finding names a log reference. A store held by another run throws {@link StoreBusyException}; a
   * store that cannot be reached throws {@link StoreException}.
   */
  public Receipt submit(Submission s) throws IOException {
    try {
      return submitOne(s);
    } finally {
      turns.done();
    }
  }

  /**
   * Takes submissions through the pipeline on up to {@code threads} threads and hands each receipt
   * to {@code receipts} in the order of the list, on the calling thread. Every receipt, every file
   * written and the store end up exactly as if each had been {@link #submit submitted} one after
   * the other (see {@link Turns}); at most {@link #window} returns are in memory at once (twice the
   * threads without a store, where none waits), and at most {@code threads} work at a time.
   */
  public void submitAll(List<Submission> all, int threads, ReceiptConsumer receipts)
      throws IOException {
    if (threads <= 1 || all.size() <= 1) {
      for (Submission s : all) {
        receipts.accept(submit(s));
      }
      return;
    }
    java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(threads, true);
    Turns ours = new Turns(all.size(), permits);
    turns = ours;
    // without a store nobody waits for a turn: two returns per thread are enough under way
    int window = store == null ? 2 * threads : window(all, threads);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            window,
            r -> {
              Thread t = new Thread(r, "pipeline");
              t.setDaemon(true);
              return t;
            });
    try {
      java.util.ArrayDeque<java.util.concurrent.Future<Receipt>> running =
          new java.util.ArrayDeque<>();
      int next = 0;
      while (next < all.size() || !running.isEmpty()) {
        while (next < all.size() && running.size() < window) {
          int index = next++;
          Submission s = all.get(index);
          running.add(
              pool.submit(
                  () -> {
                    permits.acquireUninterruptibly();
                    ours.begin(index);
                    try {
                      return submit(s);
                    } finally {
                      ours.end(); // gives the permit back unless the commit already did
                    }
                  }));
        }
        receipts.accept(InOrder.result(running.poll()));
      }
    } finally {
      pool.shutdownNow();
      turns = Turns.SERIAL;
    }
  }

  /**
   * How many submissions are under way at once: twice the threads, or the longest run of returns
   * named for one service one after the other plus the threads, so that other services' returns are
   * under way beside such a run (the returns of one service take turns). Only that many returns are
   * held in memory at once; at most {@code threads} of them work at a time.
   */
  static int window(List<Submission> all, int threads) {
    int longest = 0;
    int run = 0;
    String previous = null;
    for (Submission s : all) {
      String service =
          ReturnFileName.parse(s.originalName()).map(n -> n.service().toUpperCase()).orElse(null);
      run = service != null && service.equals(previous) ? run + 1 : 1;
      previous = service;
      longest = Math.max(longest, run);
    }
    return Math.min(MAX_WINDOW, Math.max(2 * threads, longest + threads));
  }

  /** The most returns under way at once, whatever the runs of one service's returns. */
  static final int MAX_WINDOW = 64;

  /** What to do with each receipt, in order. */
  @FunctionalInterface
  public interface ReceiptConsumer {
    void accept(Receipt receipt) throws IOException;
  }

  private Receipt submitOne(Submission s) throws IOException {
    try {
      faults.at(Faults.Point.BEFORE_READ, s.originalName());
      // hashed once: to know the file again, and as the return's hash when it is new
      String sha = store == null ? null : ReturnChecker.sha256(s.file());
      Optional<Receipt> unchanged = unchanged(s, sha);
      if (unchanged.isPresent()) {
        return unchanged.get();
      }
      return process(s, sha);
    } catch (StoreException e) {
      throw e;
    } catch (VirtualMachineError e) {
      if (!(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError)) {
        throw e;
      }
      return notProcessed(s, e);
    } catch (Exception | LinkageError | AssertionError e) {
      return notProcessed(s, e);
    }
  }

  /** The receipt for a file the store already holds, byte for byte, when it does. */
  private Optional<Receipt> unchanged(Submission s, String sha) throws IOException {
    if (store == null) {
      return Optional.empty();
    }
    turns.hashKnown(sha);
    turns.awaitHash(sha);
    Optional<StoredReturn> held;
    synchronized (readLock) {
      held = store.concurrentReader().returnWithSha256(sha);
    }
    if (held.isEmpty()) {
      return Optional.empty();
    }
    StoredReturn r = held.get();
    if (s.senderService() != null && !s.senderService().equalsIgnoreCase(r.service())) {
      return Optional.empty(); // not the sender's return: checked, then refused as usual
    }
    LOG.info("{}: unchanged (already in the store as return {})", s.originalName(), r.id());
    // the feedback written when it first came, not rewritten: a reply can still carry it
    Feedback.Files earlier =
        feedbackRoot == null ? null : Feedback.written(feedbackRoot, r.service(), r.fileName());
    ReturnInfo info =
        new ReturnInfo(
            s.originalName(),
            r.service(),
            r.quarter() == null ? null : ReportingQuarter.parse(r.quarter()).orElse(null),
            sha,
            s.receivedAt());
    return Optional.of(
        new Receipt(
            s,
            new CheckedReturn(info, r.status(), List.of(), List.of()),
            Receipt.Merge.UNCHANGED,
            0,
            0,
            earlier == null ? null : earlier.workbook(),
            earlier == null ? null : earlier.text(),
            earlier == null ? null : earlier.html(),
            null,
            false));
  }

  /** Checks, stores and answers a return; {@code sha} its file's hash when known, else null. */
  private Receipt process(Submission s, String sha) throws IOException {
    ReturnOrigin origin = new ReturnOrigin(s.originalName(), s.receivedAt(), sha);
    ReturnsCheck check = checks.get();
    ReturnsCheck.Checked checked = check.check(s.file(), origin);
    turns.serviceKnown(checked.result().info().service());
    faults.at(Faults.Point.AFTER_CHECK, s.originalName());
    Optional<Finding> refusal = senderRefusal(s, checked.result());
    if (refusal.isPresent()) {
      return refuse(s, checked, refusal.get());
    }
    Optional<Finding> unknown = unknownService(checked.result());
    if (unknown.isPresent()) {
      checked = reject(checked, unknown.get());
    } else {
      // Explanations are stored per service: the same turns as any other use of the store.
      turns.awaitService(checked.result().info().service());
      CheckedReturn explained;
      String channel = IssuesSheet.NAME + " sheet, " + s.channel().label();
      if (checked.result().findings().stream().noneMatch(QueryExplanations::explainable)) {
        // nothing to look up or record: the store is not needed (nor waited for)
        explained = QueryExplanations.apply(checked.result(), null, s.sender(), channel);
      } else {
        synchronized (storeLock) {
          explained = QueryExplanations.apply(checked.result(), store, s.sender(), channel);
        }
      }
      checked = checked.with(explained);
    }
    // The feedback is written before the merge, on this return's own thread, as the merge will
    // most often leave it: the merge (which holds the store one return at a time) then only
    // writes it again when its findings change it.
    ReturnsCheck.Outcome prepared =
        unknown.isPresent() || store == null || checked.result().info().service() == null
            ? null
            : check.finish(checked, List.of(), feedbackRoot, quarantine);
    if (prepared != null) {
      // its checked copy has read the package's parts: they are not held while the return waits
      checked = checked.withoutParts();
    }
    ReturnsCheck.Checked toMerge = checked;
    ReturnsCheck.Outcome[] written = {null};
    IngestResult ingested;
    try {
      ingested =
          unknown.isPresent()
              ? null
              : ingest(
                  checked,
                  result -> {
                    faults.at(Faults.Point.BEFORE_FEEDBACK, s.originalName());
                    written[0] =
                        check.finish(
                            toMerge, result.findings(), feedbackRoot, quarantine, prepared);
                    faults.at(Faults.Point.BEFORE_COMMIT, s.originalName());
                    // the commit waits for the disk, and what follows it is a receipt: another
                    // return may have the processor meanwhile
                    turns.permitNotNeeded();
                  });
    } catch (RuntimeException | Error e) {
      discard(prepared); // nothing of the return was stored: no feedback says otherwise
      throw e;
    }
    faults.at(Faults.Point.AFTER_COMMIT, s.originalName());
    ReturnsCheck.Outcome outcome =
        written[0] != null && ingested != null
            ? written[0]
            : prepared != null
                ? prepared
                : check.finish(checked, List.of(), feedbackRoot, quarantine);
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

  private static void discard(ReturnsCheck.Outcome prepared) {
    if (prepared == null || prepared.feedback() == null) {
      return;
    }
    for (Path p :
        List.of(
            prepared.feedback().workbook(),
            prepared.feedback().text(),
            prepared.feedback().html())) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("{}: could not remove ({})", p.getFileName(), e.toString());
      }
    }
  }

  /**
   * A file that failed in an unexpected way: logged in full under a short reference (the file's
   * name, never its contents), reported as not processed; the store was rolled back to before it.
   */
  private Receipt notProcessed(Submission s, Throwable e) {
    String ref = String.format("E-%08x", ThreadLocalRandom.current().nextInt());
    LOG.error("{}: not processed, internal error {}", s.originalName(), ref, e);
    Finding finding =
        new Finding(
            Severity.ERROR,
            Check.INTERNAL_ERROR.code(),
            SourceLocation.ofFile(s.originalName()),
            "not processed: internal error (log reference " + ref + ")",
            "a file the tool can read",
            "Nothing of this file was stored. The analyst will look into it (log reference "
                + ref
                + "); you need not send it again unless asked.");
    ReturnInfo info = new ReturnInfo(s.originalName(), null, null, "", s.receivedAt());
    CheckedReturn failed =
        new CheckedReturn(info, ReturnStatus.REJECTED, List.of(finding), List.of());
    return new Receipt(s, failed, Receipt.Merge.NOT_PROCESSED, 0, 0, null, null, null, null, false);
  }

  /** A sender registered for one service sending a return for another: refused outright. */
  private Optional<Finding> senderRefusal(Submission s, CheckedReturn checked) {
    String claimed = checked.info().service();
    // A file whose service could not be read (damaged, or no service code) is rejected with the
    // findings that say why: it claims no other service, and nothing of it can be stored.
    if (s.senderService() == null
        || (claimed == null && checked.status() == ReturnStatus.REJECTED)
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
   * Merges a checked return into the store, writing its feedback inside the same transaction (so a
   * failure while writing it leaves the store as it was). A return whose service could not be read
   * is not recorded. A store failure on one return is logged and reported; a busy store is thrown.
   */
  private IngestResult ingest(ReturnsCheck.Checked checked, CaseStore.BeforeCommit feedback) {
    if (store == null || checked.result().info().service() == null) {
      return null;
    }
    try {
      // encoded on this return's thread, beside the other returns' work: the store is held one
      // return at a time only to classify and write the rows
      PreparedReturn rows = store.prepare(checked.result());
      turns.awaitService(checked.result().info().service());
      synchronized (storeLock) {
        return store.ingest(rows, IngestProgress.NONE, feedback);
      }
    } catch (StoreBusyException e) {
      throw e;
    } catch (StoreException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io); // the feedback failed, not the store
      }
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

  /**
   * The intakes the store holds, for the checks of one return: each service's read once, on the
   * store's second connection, when the return's first row asks (after the earlier returns of that
   * service are done; later ones wait for this one, so the set cannot change while it is checked).
   */
  private final class StoredIntakes implements KnownCases {
    private final KnownCases shared;
    private final Map<String, Set<String>> intakes = new HashMap<>();

    StoredIntakes(KnownCases shared) {
      this.shared = shared;
    }

    @Override
    public boolean hasIntake(String service, String caseRef) {
      Set<String> refs = intakes.get(service);
      if (refs == null) {
        turns.awaitService(service);
        synchronized (readLock) {
          refs = store.concurrentReader().intakeCaseRefs(service);
        }
        intakes.put(service, refs);
      }
      return refs.contains(caseRef);
    }

    @Override
    public void returnMayBeFor(List<String> services) {
      shared.returnMayBeFor(services);
    }
  }
}
