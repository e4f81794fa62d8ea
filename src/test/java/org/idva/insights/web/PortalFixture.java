package org.idva.insights.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.idva.insights.fixtures.TestReturn;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;

/**
 * A returns web page on a free loopback port over a fresh store in a temporary folder, with three
 * accounts: the leads of SVC01 and SVC02 and the analyst. Passwords use few PBKDF2 iterations so
 * tests sign in quickly (the hash format carries its iterations; production uses 600,000).
 */
final class PortalFixture implements AutoCloseable {
  static final Schema SCHEMA = SchemaLoader.loadDefault();
  static final ServiceRegistry REGISTRY =
      ServiceRegistry.of(
          List.of(
              new ServiceRegistry.Service("SVC01", "North Idva service", List.of()),
              new ServiceRegistry.Service("SVC02", "South Idva service", List.of())));
  static final String LEAD1 = "lead@svc01.example";
  static final String LEAD2 = "lead@svc02.example";
  static final String ANALYST = "analyst@insights.example";
  static final String PASSWORD = "correct horse battery";
  static final int ITERATIONS = 1000;

  final Path dir;
  final WebConfig config;
  final Portal portal;

  PortalFixture(Path dir) throws Exception {
    this(dir, REGISTRY);
  }

  /** A page for these services, each with a lead {@code lead@<code>.example}, and the analyst. */
  PortalFixture(Path dir, ServiceRegistry registry) throws Exception {
    this(dir, registry, null, null);
  }

  /** As above, serving HTTPS from the keystore when one is given. */
  PortalFixture(Path dir, ServiceRegistry registry, Path keystore, String password)
      throws Exception {
    this(dir, registry, keystore, password, null);
  }

  /** As above, with the report writer the analyst's "Rebuild the report" runs. */
  PortalFixture(
      Path dir,
      ServiceRegistry registry,
      Path keystore,
      String password,
      org.idva.insights.pipeline.ReportWriter reports)
      throws Exception {
    this.dir = dir;
    Path template = dir.resolve("idva-return.xlsx");
    new TestReturn(SCHEMA, "SVC00", 0).write(template);
    StoreConfig store = StoreConfig.of(dir.resolve("store.db").toString(), SCHEMA);
    try (CaseStore cases = CaseStore.open(store)) {
      AccountAdmin admin = new AccountAdmin(cases, registry, ITERATIONS);
      for (ServiceRegistry.Service s : registry.services()) {
        admin.add(lead(s.code()), s.code(), false, PASSWORD);
      }
      admin.add(ANALYST, null, true, PASSWORD);
    }
    config =
        new WebConfig(
            "127.0.0.1",
            0,
            store,
            SCHEMA,
            registry,
            dir.resolve("output"),
            reports,
            template,
            30,
            ITERATIONS,
            Duration.ofMinutes(30),
            false,
            keystore,
            password);
    portal = Portal.start(config);
  }

  /** The lead's address of a service: {@code lead@svc01.example}. */
  static String lead(String service) {
    return "lead@" + service.toLowerCase(java.util.Locale.ROOT) + ".example";
  }

  String base() {
    return "http://127.0.0.1:" + portal.port();
  }

  /** A valid return of SVC01 (or another service) for 2022-23 Q1, as bytes. */
  static byte[] goodReturn(String service, int rows) throws Exception {
    Path f = Files.createTempFile("return", ".xlsx");
    try {
      new TestReturn(SCHEMA, service, rows).write(f);
      return Files.readAllBytes(f);
    } finally {
      Files.delete(f);
    }
  }

  /** A return whose review of case C001 is dated after the quarter: one query, explainable. */
  static byte[] returnWithQuery(String service) throws Exception {
    Path f = Files.createTempFile("return", ".xlsx");
    try {
      TestReturn t = new TestReturn(SCHEMA, service, 3);
      t.rows("Review").get(0).put("Review date", TestReturn.QUARTER.lastDay().plusDays(20));
      t.write(f);
      return Files.readAllBytes(f);
    } finally {
      Files.delete(f);
    }
  }

  /** A return with a coded answer that is a piece of HTML (an error the page must show escaped). */
  static byte[] returnWithValue(String service, String referralRoute) throws Exception {
    Path f = Files.createTempFile("return", ".xlsx");
    try {
      TestReturn t = new TestReturn(SCHEMA, service, 3);
      t.rows("Intake").get(1).put("Referral route", referralRoute);
      t.write(f);
      return Files.readAllBytes(f);
    } finally {
      Files.delete(f);
    }
  }

  CaseStore openStore() {
    return CaseStore.open(config.store());
  }

  @Override
  public void close() {
    portal.close();
  }
}
