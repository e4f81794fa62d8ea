package org.idva.insights.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.idva.insights.pipeline.ReportWriter;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.StoreConfig;

/**
 * How {@code insights serve} runs the returns web page.
 *
 * @param bind the address to listen on (127.0.0.1: this machine only)
 * @param port the port (0: any free one)
 * @param registry the registered services (the only services a page can be about)
 * @param output where {@code run} writes (feedback, quarantine, workbooks); uploads are kept under
 *     {@code <output>/web/received}
 * @param reportWriter what the analyst's "rebuild the report" runs, or null when there is no master
 *     template
 * @param blankTemplate the blank return template handed out
 * @param dueDays days after a quarter ends until its return is overdue
 * @param passwordIterations PBKDF2 iterations for new passwords
 * @param idle how long an unused session lasts
 * @param trustProxy trust a reverse proxy's X-Forwarded-For and X-Forwarded-Proto headers
 * @param tlsKeystore a PKCS#12 keystore to serve HTTPS directly, or null for plain HTTP
 * @param tlsPassword the keystore's password, or null
 */
public record WebConfig(
    String bind,
    int port,
    StoreConfig store,
    Schema schema,
    ServiceRegistry registry,
    Path output,
    ReportWriter reportWriter,
    Path blankTemplate,
    int dueDays,
    int passwordIterations,
    Duration idle,
    boolean trustProxy,
    Path tlsKeystore,
    String tlsPassword) {

  /** Largest return file accepted. */
  public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

  /** Most files in one upload. */
  public static final int MAX_FILES = 12;

  public WebConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(blankTemplate, "blankTemplate");
    Objects.requireNonNull(idle, "idle");
  }

  /** Where uploaded files are kept, under names the tool chooses. */
  public Path received() {
    return output.resolve("web").resolve("received");
  }

  /** True when the server itself speaks HTTPS. */
  public boolean tls() {
    return tlsKeystore != null;
  }
}
