package org.idva.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's way through the page over plain HTTP: sign in, upload, explain, status, history. */
class PortalFlowTest {
  @TempDir Path dir;
  PortalFixture fx;
  Browser lead;

  @BeforeEach
  void start() throws Exception {
    fx = new PortalFixture(dir);
    lead = new Browser(fx.base());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  static long uploadId(String page) {
    Matcher m = Pattern.compile("/uploads/(\\d+)/").matcher(page);
    assertThat(m.find()).as("an upload link in:\n" + page).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aLeadUploadsAReturnAndSeesItAcceptedOnTheStartPage() throws Exception {
    assertThat(lead.signIn(PortalFixture.LEAD1, PortalFixture.PASSWORD).statusCode())
        .isEqualTo(303);
    HttpResponse<String> start = lead.get("/services/SVC01");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("North Idva service").contains("Upload and check");
    HttpResponse<String> result =
        lead.upload(
            "/services/SVC01/upload",
            Map.of("csrf", Browser.csrf(start.body())),
            Map.of("SVC01_2022-23-Q1.xlsx", PortalFixture.goodReturn("SVC01", 3)));
    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    assertThat(result.body()).contains("SVC01_2022-23-Q1.xlsx").contains(">Accepted<");
    try (CaseStore store = fx.openStore()) {
      assertThat(store.history("SVC01"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(ReturnStatus.ACCEPTED);
              });
      assertThat(store.uploads().list("SVC01")).hasSize(1);
    }
    String quarter = lead.get("/services/SVC01/returns/2022-23-Q1").body();
    assertThat(quarter).contains("Counts: the newest usable return").contains(">Accepted<");
  }

  @Test
  void aQueryIsExplainedOnThePageAndTheReturnShowsExplained() throws Exception {
    lead.signIn(PortalFixture.LEAD1, PortalFixture.PASSWORD);
    String token = lead.token("/services/SVC01");
    HttpResponse<String> result =
        lead.upload(
            "/services/SVC01/upload",
            Map.of("csrf", token),
            Map.of("SVC01_2022-23-Q1.xlsx", PortalFixture.returnWithQuery("SVC01")));
    assertThat(result.body()).contains("Accepted with queries").contains("Your explanation");
    long id = uploadId(result.body());
    Matcher seq = Pattern.compile("name=\"seq\" value=\"(\\d+)\"").matcher(result.body());
    assertThat(seq.find()).isTrue();
    HttpResponse<String> blank =
        lead.post(
            "/services/SVC01/uploads/" + id + "/explain",
            Map.of("csrf", token, "seq", seq.group(1), "explanation", "  "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("There is a problem")
        .contains("href=\"#explain-" + seq.group(1) + "\"");
    HttpResponse<String> saved =
        lead.post(
            "/services/SVC01/uploads/" + id + "/explain",
            Map.of(
                "csrf",
                token,
                "seq",
                seq.group(1),
                "explanation",
                "Review held late by agreement"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(lead.get("/services/SVC01/uploads/" + id).body())
        .contains("Review held late by agreement")
        .contains("Explained");
    assertThat(lead.get("/services/SVC01").body()).contains(">Explained<");
    try (CaseStore store = fx.openStore()) {
      assertThat(store.explanations().list("SVC01"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.caseRef()).isEqualTo("C001");
                assertThat(e.sheet()).isEqualTo("Review");
                assertThat(e.channel()).isEqualTo("web");
                assertThat(e.by()).isEqualTo(PortalFixture.LEAD1);
              });
    }
  }

  @Test
  void twoServicesUploadingAtOnceAreEachProcessedOnce() throws Exception {
    Browser lead2 = new Browser(fx.base());
    lead.signIn(PortalFixture.LEAD1, PortalFixture.PASSWORD);
    lead2.signIn(PortalFixture.LEAD2, PortalFixture.PASSWORD);
    String t1 = lead.token("/services/SVC01");
    String t2 = lead2.token("/services/SVC02");
    byte[] r1 = PortalFixture.goodReturn("SVC01", 4);
    byte[] r2 = PortalFixture.goodReturn("SVC02", 5);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a =
          pool.submit(
              () ->
                  lead.upload(
                      "/services/SVC01/upload",
                      Map.of("csrf", t1),
                      Map.of("SVC01_2022-23-Q1.xlsx", r1)));
      var b =
          pool.submit(
              () ->
                  lead2.upload(
                      "/services/SVC02/upload",
                      Map.of("csrf", t2),
                      Map.of("SVC02_2022-23-Q1.xlsx", r2)));
      assertThat(a.get().body()).contains(">Accepted<");
      assertThat(b.get().body()).contains(">Accepted<");
    } finally {
      pool.shutdown();
    }
    try (CaseStore store = fx.openStore()) {
      assertThat(store.history("SVC01"))
          .singleElement()
          .satisfies(r -> assertThat(r.rowsStored()).isPositive());
      assertThat(store.history("SVC02")).hasSize(1);
      assertThat(store.uploads().list(null)).hasSize(2);
      assertThat(store.caseForms("SVC01", "C004")).isNotEmpty();
      assertThat(store.caseForms("SVC02", "C005")).isNotEmpty();
      assertThat(store.caseForms("SVC01", "C005")).isEmpty();
    }
  }
}
