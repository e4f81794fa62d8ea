package org.idva.insights.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.pipeline.Downloads;
import org.idva.insights.pipeline.ReturnStatuses;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.Account;
import org.idva.insights.store.AuditEvent;
import org.idva.insights.store.WebSession;
import org.idva.insights.store.WriterLock;

/**
 * The analyst's pages: the grid of services by quarters, the master workbook, rebuilding the
 * report, accounts and the audit log. Every other account gets a 404 for all of them.
 */
final class AnalystPages {
  private final Portal portal;

  AnalystPages(Portal portal) {
    this.portal = portal;
  }

  void routes(RoutesConfig r) {
    r.get("/analyst", this::grid);
    r.get("/analyst/master.xlsx", this::master);
    r.post("/analyst/rebuild", this::rebuild);
    r.get("/analyst/users", ctx -> users(ctx, "", "", 200));
    r.post("/analyst/users", this::addUser);
    r.post("/analyst/users/{id}/disable", this::disable);
    r.post("/analyst/users/{id}/reset", this::reset);
    r.get("/analyst/audit", this::audit);
    r.get("/analyst/audit.csv", this::auditCsv);
  }

  private static WebSession analyst(Context ctx) {
    WebSession s = Auth.required(ctx);
    if (!s.account().analyst()) {
      throw new NotFound();
    }
    return s;
  }

  /** One quarter's row of the grid: a cell per registered service. */
  public record GridRow(String quarter, String key, List<Views.QuarterRow> cells) {}

  private void grid(Context ctx) throws Exception {
    analyst(ctx);
    LocalDate today = LocalDate.now();
    Map<String, Object> model = new LinkedHashMap<>();
    List<ServiceRegistry.Service> services = List.copyOf(portal.config().registry().services());
    portal
        .stores()
        .with(
            l -> {
              ReturnStatuses statuses = new ReturnStatuses(l.store());
              List<GridRow> rows = new ArrayList<>();
              for (ReportingQuarter q : statuses.quarters(null, today)) {
                List<Views.QuarterRow> cells = new ArrayList<>();
                for (ServiceRegistry.Service s : services) {
                  cells.add(Views.row(statuses.of(s.code(), q, today, portal.config().dueDays())));
                }
                rows.add(new GridRow(q.label(), q.fileLabel(), cells));
              }
              model.put("services", services);
              model.put("rows", rows);
              return null;
            });
    Downloads downloads = new Downloads(portal.config().output(), portal.config().blankTemplate());
    model.put("hasMaster", downloads.master().isPresent());
    model.put("canRebuild", portal.config().reportWriter() != null);
    model.put("dueDays", portal.config().dueDays());
    model.put("rebuilt", "");
    portal.page(ctx, "analyst", model);
  }

  private void master(Context ctx) throws Exception {
    analyst(ctx);
    Downloads downloads = new Downloads(portal.config().output(), portal.config().blankTemplate());
    Path file = downloads.master().orElseThrow(NotFound::new);
    new ServicePages(portal)
        .send(ctx, null, file, file.getFileName().toString(), "master workbook");
  }

  private void rebuild(Context ctx) throws Exception {
    WebSession s = analyst(ctx);
    Auth.checkToken(ctx);
    if (portal.config().reportWriter() == null) {
      portal.message(
          ctx,
          "The report cannot be rebuilt here",
          "serve was started without a master template; run insights run instead.");
      return;
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream console = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      portal
          .stores()
          .withWriter(
              l -> {
                try (WriterLock lock =
                    l.store().lockForWriting(Portal.WRITER_WAIT, "web report rebuild")) {
                  return portal
                      .config()
                      .reportWriter()
                      .write(l.store(), null, LocalDate.now(), portal.config().output(), console);
                }
              });
    }
    portal.audit(ctx, s.account().email(), "rebuild report", null, "");
    portal.page(
        ctx,
        "message",
        Map.of(
            "title",
            "The report was rebuilt",
            "text",
            text.toString(StandardCharsets.UTF_8).lines().count() + " files written.",
            "back",
            "/analyst"));
  }

  private void users(Context ctx, String error, String shown, int status) throws Exception {
    analyst(ctx);
    List<Account> accounts = portal.stores().with(l -> admin(l).list());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("accounts", accounts);
    model.put(
        "services",
        portal.config().registry().services().stream().map(ServiceRegistry.Service::code).toList());
    model.put("error", error);
    model.put("shown", shown);
    ctx.status(status);
    portal.page(ctx, "users", model);
  }

  private AccountAdmin admin(StorePool.Lease l) {
    return new AccountAdmin(
        l.store(), portal.config().registry(), portal.config().passwordIterations());
  }

  private void addUser(Context ctx) throws Exception {
    WebSession s = analyst(ctx);
    Auth.checkToken(ctx);
    String email = String.valueOf(ctx.formParam("email"));
    boolean isAnalyst = "analyst".equals(ctx.formParam("service"));
    String service = ctx.formParam("service");
    String password;
    try {
      password = portal.stores().with(l -> admin(l).add(email, service, isAnalyst, null));
    } catch (AccountAdmin.Refused e) {
      users(ctx, e.getMessage(), "", 400);
      return;
    }
    portal.audit(
        ctx,
        s.account().email(),
        "account added",
        isAnalyst ? null : service,
        email.strip() + (isAnalyst ? " (analyst)" : ""));
    users(
        ctx, "", "Account " + email.strip() + " added. Its password, shown once: " + password, 200);
  }

  private Account account(Context ctx) throws Exception {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
    Optional<Account> a = portal.stores().with(l -> l.store().accounts().find(id));
    return a.orElseThrow(NotFound::new);
  }

  private void disable(Context ctx) throws Exception {
    WebSession s = analyst(ctx);
    Auth.checkToken(ctx);
    Account a = account(ctx);
    boolean disable = !a.disabled();
    if (disable && a.id() == s.account().id()) {
      users(ctx, "You cannot disable your own account", "", 400);
      return;
    }
    portal.stores().with(l -> run(() -> admin(l).setDisabled(a.id(), disable)));
    portal.audit(
        ctx,
        s.account().email(),
        disable ? "account disabled" : "account enabled",
        a.service(),
        a.email());
    ctx.redirect("/analyst/users", HttpStatus.SEE_OTHER);
  }

  private void reset(Context ctx) throws Exception {
    WebSession s = analyst(ctx);
    Auth.checkToken(ctx);
    Account a = account(ctx);
    String password = portal.stores().with(l -> admin(l).reset(a.id(), null));
    portal.audit(ctx, s.account().email(), "password reset", a.service(), a.email());
    users(ctx, "", "New password for " + a.email() + ", shown once: " + password, 200);
  }

  private void audit(Context ctx) throws Exception {
    analyst(ctx);
    List<AuditEvent> events = portal.stores().with(l -> l.store().audit().latest(500));
    List<Map<String, String>> rows = new ArrayList<>();
    for (AuditEvent e : events) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("at", Views.when(e.at()));
      row.put("actor", e.actor());
      row.put("address", e.address());
      row.put("action", e.action());
      row.put("service", e.service() == null ? "" : e.service());
      row.put("detail", e.detail());
      rows.add(row);
    }
    portal.page(ctx, "audit", Map.of("events", rows));
  }

  private void auditCsv(Context ctx) throws Exception {
    WebSession s = analyst(ctx);
    List<AuditEvent> events = portal.stores().with(l -> l.store().audit().latest(0));
    StringBuilder csv = new StringBuilder("id,at,actor,address,action,service,detail\r\n");
    for (AuditEvent e : events) {
      for (String v :
          List.of(
              Long.toString(e.id()),
              e.at().toString(),
              e.actor(),
              e.address(),
              e.action(),
              e.service() == null ? "" : e.service(),
              e.detail())) {
        csv.append(csvCell(v)).append(',');
      }
      csv.setLength(csv.length() - 1);
      csv.append("\r\n");
    }
    portal.audit(ctx, s.account().email(), "download", null, "audit log");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    ctx.result(csv.toString());
  }

  /** A CSV cell, quoted, and never starting like a spreadsheet formula. */
  static String csvCell(String v) {
    String s = v == null ? "" : v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }
}
