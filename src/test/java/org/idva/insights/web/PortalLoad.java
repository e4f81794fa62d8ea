package org.idva.insights.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.render.AboutSheet;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoredReturn;

/**
 * The returns web page under load on loopback (a benchmark, not a test): nine services upload four
 * returns each (one per quarter of 2022-23) all at once while 50 clients view pages; then checks
 * every upload was processed exactly once and prints p50/p95/max of page and upload-to-status times
 * for docs/performance.md.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.idva.insights.web.PortalLoad [rows]
 * </pre>
 */
public final class PortalLoad {
  private static final int SERVICES = 9;
  private static final int QUARTERS = 4;
  private static final int VIEWERS = 50;
  private static final int VIEWS_EACH = 10;

  private PortalLoad() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Path dir = Files.createTempDirectory("portal-load");
    List<ServiceRegistry.Service> services = new ArrayList<>();
    for (int s = 1; s <= SERVICES; s++) {
      services.add(
          new ServiceRegistry.Service(String.format("SVC%02d", s), "Service " + s, List.of()));
    }
    ServiceRegistry registry = ServiceRegistry.of(services);
    try (PortalFixture fx = new PortalFixture(dir, registry)) {
      List<Browser> leads = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (ServiceRegistry.Service s : services) {
        Browser b = new Browser(fx.base());
        if (b.signIn(PortalFixture.lead(s.code()), PortalFixture.PASSWORD).statusCode() != 303) {
          throw new IllegalStateException("sign-in failed for " + s.code());
        }
        leads.add(b);
        tokens.add(b.token("/services/" + s.code()));
      }
      List<byte[]> files = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (ServiceRegistry.Service s : services) {
        for (int q = 1; q <= QUARTERS; q++) {
          ReportingQuarter quarter = new ReportingQuarter(2022, q);
          files.add(returnFor(s.code(), quarter, rows, dir));
          names.add(s.code() + "_" + quarter.fileLabel() + ".xlsx");
        }
      }
      List<Long> uploadMs = Collections.synchronizedList(new ArrayList<>());
      List<Long> pageMs = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(SERVICES * QUARTERS + VIEWERS);
      long start = System.nanoTime();
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int s = i / QUARTERS;
        int n = i;
        all.add(
            pool.submit(
                () -> {
                  long t = System.nanoTime();
                  HttpResponse<String> r =
                      leads
                          .get(s)
                          .upload(
                              "/services/" + services.get(s).code() + "/upload",
                              Map.of("csrf", tokens.get(s)),
                              Map.of(names.get(n), files.get(n)));
                  uploadMs.add((System.nanoTime() - t) / 1_000_000);
                  if (r.statusCode() != 200 || !r.body().contains("Accepted")) {
                    throw new IllegalStateException(names.get(n) + ": " + r.statusCode());
                  }
                  return null;
                }));
      }
      for (int v = 0; v < VIEWERS; v++) {
        int s = v % SERVICES;
        all.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < VIEWS_EACH; k++) {
                    String path =
                        k % 2 == 0
                            ? "/services/" + services.get(s).code()
                            : "/services/" + services.get(s).code() + "/returns/2022-23-Q1";
                    long t = System.nanoTime();
                    HttpResponse<String> r = leads.get(s).get(path);
                    pageMs.add((System.nanoTime() - t) / 1_000_000);
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException(path + ": " + r.statusCode());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      pool.shutdown();
      try (CaseStore store = fx.openStore()) {
        List<StoredReturn> history = store.history(null);
        long distinct = history.stream().map(StoredReturn::sha256).distinct().count();
        int uploads = store.uploads().list(null).size();
        if (history.size() != files.size() || distinct != files.size() || uploads != files.size()) {
          throw new IllegalStateException(
              "expected each of "
                  + files.size()
                  + " uploads once: history "
                  + history.size()
                  + ", distinct "
                  + distinct
                  + ", upload records "
                  + uploads);
        }
      }
      System.out.printf(
          "%d uploads (%d rows each) + %d page views by %d clients in %.1f s; each upload"
              + " processed once%n",
          files.size(), rows, pageMs.size(), VIEWERS, wallMs / 1000.0);
      System.out.println("upload-to-status ms: " + stats(uploadMs));
      System.out.println("page ms:             " + stats(pageMs));
    }
  }

  private static String stats(List<Long> ms) {
    List<Long> s = new ArrayList<>(ms);
    Collections.sort(s);
    return String.format(
        "p50 %d, p95 %d, max %d (n %d)",
        s.get(s.size() / 2),
        s.get((int) Math.ceil(s.size() * 0.95) - 1),
        s.get(s.size() - 1),
        s.size());
  }

  /** A valid return of a service for a quarter, its case refs unique to the quarter. */
  static byte[] returnFor(String service, ReportingQuarter q, int rows, Path dir) throws Exception {
    TestReturn t = new TestReturn(PortalFixture.SCHEMA, service, rows);
    t.about().put(AboutSheet.QUARTER, q.label());
    LocalDate shift = q.firstDay();
    String prefix = "Q" + q.quarter();
    for (String sheet : List.of("Intake", "Review", "Exit")) {
      for (Map<String, Object> row : t.rows(sheet)) {
        row.put("Case ref", prefix + row.get("Case ref"));
        for (Map.Entry<String, Object> e : row.entrySet()) {
          if (e.getValue() instanceof LocalDate d) {
            e.setValue(
                shift.plusDays(
                    java.time.temporal.ChronoUnit.DAYS.between(TestReturn.QUARTER.firstDay(), d)));
          }
        }
        if (row.containsKey("Client ref")) {
          row.put("Client ref", prefix + row.get("Client ref"));
        }
      }
    }
    Path f = dir.resolve(service + "-" + q.fileLabel() + ".xlsx");
    t.write(f);
    return Files.readAllBytes(f);
  }
}
