package org.idva.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.idva.insights.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst's account pages and audit log, and sessions that end when left idle. */
class PortalAnalystTest {
  @TempDir Path dir;
  PortalFixture fx;
  Browser analyst;

  @BeforeEach
  void start() throws Exception {
    fx = new PortalFixture(dir);
    analyst = new Browser(fx.base());
    analyst.signIn(PortalFixture.ANALYST, PortalFixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static String shownPassword(String page) {
    Matcher m = Pattern.compile("shown once: ([A-Za-z0-9]{20})").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  @Test
  void theAnalystAddsDisablesAndResetsAccountsAndReadsTheAuditLog() throws Exception {
    String token = analyst.token("/analyst/users");
    HttpResponse<String> bad =
        analyst.post(
            "/analyst/users", Map.of("csrf", token, "email", "not-an-address", "service", "SVC02"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("There is a problem").contains("Enter an email address");
    HttpResponse<String> added =
        analyst.post(
            "/analyst/users",
            Map.of("csrf", token, "email", "deputy@svc02.example", "service", "SVC02"));
    assertThat(added.statusCode()).isEqualTo(200);
    String password = shownPassword(added.body());
    Browser deputy = new Browser(fx.base());
    assertThat(deputy.signIn("deputy@svc02.example", password).statusCode()).isEqualTo(303);
    assertThat(deputy.get("/services/SVC02").statusCode()).isEqualTo(200);
    assertThat(analyst.get("/analyst/users").body()).doesNotContain(password);

    long id;
    try (CaseStore store = fx.openStore()) {
      id = store.accounts().find("deputy@svc02.example").orElseThrow().id();
    }
    assertThat(
            analyst.post("/analyst/users/" + id + "/disable", Map.of("csrf", token)).statusCode())
        .isEqualTo(303);
    assertThat(deputy.get("/services/SVC02").statusCode()).as("session ended").isEqualTo(303);
    assertThat(deputy.signIn("deputy@svc02.example", password).statusCode()).isEqualTo(401);
    analyst.post("/analyst/users/" + id + "/disable", Map.of("csrf", token));
    String reset = analyst.post("/analyst/users/" + id + "/reset", Map.of("csrf", token)).body();
    String second = shownPassword(reset);
    assertThat(second).isNotEqualTo(password);
    assertThat(new Browser(fx.base()).signIn("deputy@svc02.example", second).statusCode())
        .isEqualTo(303);

    String audit = analyst.get("/analyst/audit").body();
    assertThat(audit)
        .contains("account added")
        .contains("account disabled")
        .contains("account enabled")
        .contains("password reset")
        .contains("sign-in failed")
        .contains("127.0.0.1");
    HttpResponse<String> csv = analyst.get("/analyst/audit.csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    assertThat(csv.body().lines().findFirst())
        .hasValue("id,at,actor,address,action,service,detail");
    assertThat(csv.body()).contains("\"password reset\"").contains("\"deputy@svc02.example\"");
    assertThat(AnalystPages.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void aSessionLeftIdleEnds() throws Exception {
    Browser lead = new Browser(fx.base());
    lead.signIn(PortalFixture.LEAD1, PortalFixture.PASSWORD);
    assertThat(lead.get("/services/SVC01").statusCode()).isEqualTo(200);
    String hash = Auth.sha256(lead.cookie(Auth.SESSION_COOKIE));
    try (CaseStore store = fx.openStore()) {
      store.sessions().touch(hash, Instant.now().minus(29, ChronoUnit.MINUTES));
    }
    assertThat(lead.get("/services/SVC01").statusCode()).as("29 minutes idle").isEqualTo(200);
    try (CaseStore store = fx.openStore()) {
      store.sessions().touch(hash, Instant.now().minus(31, ChronoUnit.MINUTES));
    }
    assertThat(lead.get("/services/SVC01").statusCode()).as("31 minutes idle").isEqualTo(303);
    try (CaseStore store = fx.openStore()) {
      assertThat(store.sessions().find(hash)).isEmpty();
    }
  }

  @Test
  void withoutAMasterTemplateTheReportIsNotRebuiltHere() throws Exception {
    assertThat(analyst.get("/analyst").body()).doesNotContain("Rebuild the report");
    assertThat(analyst.get("/analyst/master.xlsx").statusCode()).isEqualTo(404);
    HttpResponse<String> r =
        analyst.post("/analyst/rebuild", Map.of("csrf", analyst.token("/analyst")));
    assertThat(r.body()).contains("cannot be rebuilt here");
  }

  @Test
  void theAnalystRebuildsTheReportAndEachLeadDownloadsOnlyTheirOwnWorkbook() throws Exception {
    Path out = java.nio.file.Files.createDirectories(dir.resolve("with-report"));
    try (PortalFixture withReport =
        new PortalFixture(
            out,
            PortalFixture.REGISTRY,
            null,
            null,
            new org.idva.insights.pipeline.ReportWriter(
                PortalFixture.SCHEMA,
                org.idva.insights.report.ReportDefinitions.loadDefault(PortalFixture.SCHEMA),
                new org.idva.insights.render.MasterOptions(
                    Path.of("workbook-templates", "insights-master.xlsx"), 5, 10, 4)))) {
      Browser lead = new Browser(withReport.base());
      lead.signIn(PortalFixture.LEAD1, PortalFixture.PASSWORD);
      lead.upload(
          "/services/SVC01/upload",
          Map.of("csrf", lead.token("/services/SVC01")),
          Map.of("SVC01_2022-23-Q1.xlsx", PortalFixture.goodReturn("SVC01", 3)));
      assertThat(lead.get("/services/SVC01/report.xlsx").statusCode()).isEqualTo(404);
      Browser boss = new Browser(withReport.base());
      boss.signIn(PortalFixture.ANALYST, PortalFixture.PASSWORD);
      HttpResponse<String> rebuilt =
          boss.post("/analyst/rebuild", Map.of("csrf", boss.token("/analyst")));
      assertThat(rebuilt.body()).contains("The report was rebuilt");
      HttpResponse<byte[]> master = boss.getBytes("/analyst/master.xlsx");
      assertThat(master.statusCode()).isEqualTo(200);
      assertThat(new String(master.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("PK");
      assertThat(lead.getBytes("/services/SVC01/report.xlsx").statusCode()).isEqualTo(200);
      assertThat(lead.get("/services/SVC01").body()).contains("report workbook");
      Browser other = new Browser(withReport.base());
      other.signIn(PortalFixture.LEAD2, PortalFixture.PASSWORD);
      assertThat(other.get("/services/SVC01/report.xlsx").statusCode()).isEqualTo(404);
    }
  }
}
