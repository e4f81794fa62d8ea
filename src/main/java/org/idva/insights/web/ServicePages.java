package org.idva.insights.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.pipeline.Channel;
import org.idva.insights.pipeline.Downloads;
import org.idva.insights.pipeline.Receipt;
import org.idva.insights.pipeline.ReceiptFindings;
import org.idva.insights.pipeline.ReturnStatuses;
import org.idva.insights.pipeline.Submission;
import org.idva.insights.store.Account;
import org.idva.insights.store.StoredReturn;
import org.idva.insights.store.Upload;
import org.idva.insights.store.WebSession;
import org.idva.insights.store.WriterLock;

/**
 * A service's pages: the start page (quarters and their status), uploading returns, the result of
 * an upload with its findings and a field to explain each query, a quarter's history, and the
 * service's downloads. A lead reaches only their own service's pages; any other service id is a
 * 404. The analyst reaches every registered service's.
 */
final class ServicePages {
  private static final int MAX_EXPLANATION = 2000;

  private final Portal portal;

  ServicePages(Portal portal) {
    this.portal = portal;
  }

  void routes(RoutesConfig r) {
    r.get("/services/{svc}", this::start);
    r.post("/services/{svc}/upload", this::upload);
    r.get("/services/{svc}/uploads/{id}", this::uploadPage);
    r.get("/services/{svc}/uploads/{id}/checked.xlsx", this::checked);
    r.post("/services/{svc}/uploads/{id}/explain", this::explain);
    r.get("/services/{svc}/returns/{quarter}", this::quarter);
    r.get("/services/{svc}/report.xlsx", this::report);
  }

  /** The service of the URL, when the visitor may see it; otherwise NotFound. */
  private String service(Context ctx) {
    WebSession s = Auth.required(ctx);
    String svc = portal.registeredService(ctx.pathParam("svc"));
    if (!s.account().analyst() && !svc.equalsIgnoreCase(s.account().service())) {
      throw new NotFound();
    }
    return svc;
  }

  private Downloads downloads() {
    return new Downloads(portal.config().output(), portal.config().blankTemplate());
  }

  private void start(Context ctx) throws Exception {
    String svc = service(ctx);
    startPage(ctx, svc, Map.of());
  }

  private void startPage(Context ctx, String svc, Map<String, Object> extra) throws Exception {
    LocalDate today = LocalDate.now();
    List<Views.QuarterRow> rows =
        portal
            .stores()
            .with(
                l -> {
                  ReturnStatuses statuses = new ReturnStatuses(l.store());
                  List<Views.QuarterRow> out = new ArrayList<>();
                  for (ReportingQuarter q : statuses.quarters(svc, today)) {
                    out.add(Views.row(statuses.of(svc, q, today, portal.config().dueDays())));
                  }
                  return out;
                });
    Map<String, Object> model = new LinkedHashMap<>(extra);
    model.put("service", svc);
    model.put("serviceName", serviceName(svc));
    model.put("quarters", rows);
    model.put("hasReport", downloads().serviceWorkbook(svc).isPresent());
    model.put("maxMb", WebConfig.MAX_FILE_BYTES / (1024 * 1024));
    model.putIfAbsent("error", "");
    portal.page(ctx, "start", model);
  }

  private String serviceName(String svc) {
    return portal.config().registry().service(svc).map(s -> s.name()).orElse(svc);
  }

  private void upload(Context ctx) throws Exception {
    String svc = service(ctx);
    List<UploadedFile> files;
    try {
      files = ctx.uploadedFiles("returns");
    } catch (Exception e) { // Jetty's multipart limits (a checked ServletException, thrown as is)
      // the request could not be read, so neither could its token: nothing is done with it
      ctx.status(HttpStatus.CONTENT_TOO_LARGE);
      startPage(
          ctx,
          svc,
          Map.of(
              "error",
              "The selected file must be smaller than "
                  + WebConfig.MAX_FILE_BYTES / (1024 * 1024)
                  + " MB"));
      return;
    }
    Auth.checkToken(ctx);
    String problem = problem(files);
    if (problem != null) {
      ctx.status(problem.startsWith("The selected file must be smaller") ? 413 : 400);
      startPage(ctx, svc, Map.of("error", problem));
      return;
    }
    Account account = Auth.required(ctx).account();
    List<Views.UploadView> results = new ArrayList<>();
    for (UploadedFile f : files) {
      Upload u = process(ctx, svc, account, f);
      List<Explanation> given =
          portal.stores().with(l -> l.store().explanations().list(u.service()));
      results.add(Views.upload(u, given));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("service", svc);
    model.put("uploads", results);
    model.put("error", "");
    portal.page(ctx, "result", model);
  }

  /** What is wrong with the files chosen, in the words of the error summary, or null. */
  private static String problem(List<UploadedFile> files) {
    List<UploadedFile> chosen =
        files.stream().filter(f -> f.size() > 0 || !f.filename().isEmpty()).toList();
    if (chosen.isEmpty()) {
      return "Select a return file";
    }
    if (chosen.size() > WebConfig.MAX_FILES) {
      return "Select at most " + WebConfig.MAX_FILES + " files at once";
    }
    for (UploadedFile f : chosen) {
      String name = Portal.lower(f.filename());
      if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) {
        return "The selected file must be an Excel workbook (.xlsx or .xls)";
      }
      if (f.size() > WebConfig.MAX_FILE_BYTES) {
        return "The selected file must be smaller than "
            + WebConfig.MAX_FILE_BYTES / (1024 * 1024)
            + " MB";
      }
      if (f.size() == 0) {
        return "The selected file is empty";
      }
    }
    return null;
  }

  /**
   * Keeps the bytes under a name the tool chooses, runs the pipeline under the one-writer lock and
   * records the upload with its findings.
   */
  private Upload process(Context ctx, String svc, Account account, UploadedFile f)
      throws Exception {
    String ext = Portal.lower(f.filename()).endsWith(".xls") ? ".xls" : ".xlsx";
    Path kept = portal.config().received().resolve(UUID.randomUUID() + ext);
    try (InputStream in = f.content()) {
      Files.copy(in, kept);
    }
    String name = safeName(f.filename());
    Submission submission =
        new Submission(
            kept,
            name,
            Channel.WEB,
            Instant.now(),
            account.email(),
            account.analyst() ? null : account.service());
    Upload u =
        portal
            .stores()
            .withWriter(
                l -> {
                  try (WriterLock lock =
                      l.store().lockForWriting(Portal.WRITER_WAIT, "web upload (" + svc + ")")) {
                    Receipt r = l.pipeline().submit(submission);
                    return l.store().uploads().record(record(svc, account, name, r, portal));
                  }
                });
    portal.audit(
        ctx,
        account.email(),
        "upload",
        u.service(),
        "upload "
            + u.id()
            + ", "
            + (u.quarter() == null ? "quarter unknown" : u.quarter())
            + ": "
            + (u.refused() ? "Refused" : u.status().label()));
    return u;
  }

  private static Upload record(String svc, Account account, String name, Receipt r, Portal p) {
    String service = svc;
    if (account.analyst() && r.service() != null) {
      service = p.config().registry().service(r.service()).map(s -> s.code()).orElse(svc);
    }
    var info = r.checked().info();
    return new Upload(
        0,
        service,
        info.quarter() == null ? null : info.quarter().label(),
        account.email(),
        name,
        r.refused() ? null : info.sha256(),
        r.submission().receivedAt(),
        r.status(),
        r.refused() ? "Refused: nothing stored" : r.merge().description(),
        r.refused(),
        (int) r.checked().count(org.idva.insights.model.Severity.ERROR),
        (int) r.checked().count(org.idva.insights.model.Severity.QUERY),
        r.checkedWorkbook() == null ? null : r.checkedWorkbook().toString(),
        ReceiptFindings.of(r));
  }

  /**
   * The uploaded name as the checks and pages see it: the last segment only, letters, digits,
   * space, dot, dash, underscore and brackets kept (others become _). Never used as a path.
   */
  static String safeName(String uploaded) {
    String n = uploaded == null ? "" : uploaded;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[^A-Za-z0-9 ._()-]", "_").strip();
    if (n.length() > 120) {
      n = n.substring(n.length() - 120);
    }
    return n.isEmpty() || n.startsWith(".") ? "return" + n : n;
  }

  private Upload ownUpload(Context ctx, String svc) throws Exception {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
    Optional<Upload> u = portal.stores().with(l -> l.store().uploads().find(id));
    if (u.isEmpty() || !u.get().service().equalsIgnoreCase(svc)) {
      throw new NotFound();
    }
    return u.get();
  }

  private void uploadPage(Context ctx) throws Exception {
    String svc = service(ctx);
    Upload u = ownUpload(ctx, svc);
    uploadPage(ctx, svc, u, "", -1, "");
  }

  private void uploadPage(
      Context ctx, String svc, Upload u, String error, int errorSeq, String typed)
      throws Exception {
    List<Explanation> given = portal.stores().with(l -> l.store().explanations().list(svc));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("service", svc);
    model.put("uploads", List.of(Views.upload(u, given)));
    model.put("error", error);
    model.put("errorSeq", errorSeq);
    model.put("typed", typed);
    portal.page(ctx, "result", model);
  }

  private void explain(Context ctx) throws Exception {
    String svc = service(ctx);
    Auth.checkToken(ctx);
    Upload u = ownUpload(ctx, svc);
    int seq;
    try {
      seq = Integer.parseInt(String.valueOf(ctx.formParam("seq")));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
    Upload.Item item =
        u.findings().stream()
            .filter(i -> i.seq() == seq && i.explainable())
            .findFirst()
            .orElseThrow(NotFound::new);
    String text = ctx.formParam("explanation") == null ? "" : ctx.formParam("explanation").strip();
    if (text.isEmpty() || text.length() > MAX_EXPLANATION) {
      ctx.status(400);
      uploadPage(
          ctx,
          svc,
          u,
          text.isEmpty()
              ? "Enter why the answer is right"
              : "Explanation must be " + MAX_EXPLANATION + " characters or fewer",
          seq,
          text);
      return;
    }
    WebSession s = Auth.required(ctx);
    Explanation e =
        new Explanation(
            svc,
            item.finding().location().sheet(),
            item.caseRef(),
            item.field(),
            item.finding().found(),
            text,
            s.account().email(),
            Channel.WEB.name().toLowerCase(java.util.Locale.ROOT),
            Instant.now());
    portal.stores().with(l -> run(() -> l.store().explanations().record(e)));
    portal.audit(
        ctx, s.account().email(), "explanation", svc, "upload " + u.id() + ", query " + seq);
    ctx.redirect("/services/" + svc + "/uploads/" + u.id() + "#query-" + seq, HttpStatus.SEE_OTHER);
  }

  private void quarter(Context ctx) throws Exception {
    String svc = service(ctx);
    ReportingQuarter q =
        ReportingQuarter.parse(ctx.pathParam("quarter")).orElseThrow(NotFound::new);
    LocalDate today = LocalDate.now();
    Map<String, Object> model = new LinkedHashMap<>();
    portal
        .stores()
        .with(
            l -> {
              ReturnStatuses.QuarterStatus st =
                  new ReturnStatuses(l.store()).of(svc, q, today, portal.config().dueDays());
              List<Upload> uploads = l.store().uploads().list(svc);
              List<Views.HistoryRow> history = new ArrayList<>();
              for (StoredReturn r : l.store().history(svc)) {
                if (q.label().equals(r.quarter())) {
                  Long id =
                      uploads.stream()
                          .filter(x -> r.sha256().equals(x.sha256()))
                          .map(Upload::id)
                          .findFirst()
                          .orElse(null);
                  history.add(Views.history(r, st.counting(), id));
                }
              }
              List<Views.HistoryRow> refused = new ArrayList<>();
              for (Upload x : uploads) {
                if (x.refused() && q.label().equals(x.quarter())) {
                  refused.add(
                      new Views.HistoryRow(
                          Views.when(x.received()),
                          x.fileName(),
                          "Refused",
                          "Not used: for another service",
                          x.id()));
                }
              }
              history.addAll(refused);
              model.put("status", Views.row(st));
              model.put("history", history);
              model.put(
                  "current",
                  st.upload() == null
                      ? List.of()
                      : List.of(Views.upload(st.upload(), l.store().explanations().list(svc))));
              return null;
            });
    model.put("service", svc);
    model.put("serviceName", serviceName(svc));
    model.put("quarter", q.label());
    model.put("error", "");
    portal.page(ctx, "quarter", model);
  }

  private void checked(Context ctx) throws Exception {
    String svc = service(ctx);
    Upload u = ownUpload(ctx, svc);
    if (u.checkedWorkbook() == null) {
      throw new NotFound();
    }
    String base = u.fileName().replaceFirst("\\.xlsx?$", "");
    send(
        ctx,
        svc,
        Path.of(u.checkedWorkbook()),
        base + "-checked.xlsx",
        "checked workbook of upload " + u.id());
  }

  private void report(Context ctx) throws Exception {
    String svc = service(ctx);
    Path file = downloads().serviceWorkbook(svc).orElseThrow(NotFound::new);
    send(ctx, svc, file, svc + ".xlsx", "service report workbook");
  }

  void template(Context ctx) throws Exception {
    WebSession s = Auth.required(ctx);
    Path file = downloads().blankTemplate().orElseThrow(NotFound::new);
    send(ctx, s.account().service(), file, "idva-return.xlsx", "blank template");
  }

  /** Sends a file the tool wrote, as an attachment, and records the download. */
  void send(Context ctx, String svc, Path file, String name, String what) throws Exception {
    Path real = file.toAbsolutePath().normalize();
    Path allowed = portal.config().output().toAbsolutePath().normalize();
    Path template = portal.config().blankTemplate().toAbsolutePath().normalize();
    if (!(real.startsWith(allowed) || real.equals(template)) || !Files.isRegularFile(real)) {
      throw new NotFound();
    }
    WebSession s = Auth.required(ctx);
    portal.audit(ctx, s.account().email(), "download", svc, what);
    ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    ctx.header("Content-Disposition", "attachment; filename=\"" + safeName(name) + "\"");
    ctx.result(Files.newInputStream(real));
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }
}
