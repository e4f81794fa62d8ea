package org.idva.insights.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.idva.insights.pipeline.Pipeline;
import org.idva.insights.store.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The returns web page: an embedded Jetty (through Javalin) serving pages rendered from Freemarker
 * templates, no JavaScript. Service leads upload returns, see their status and explain queries; the
 * analyst sees every service. Start it with {@link #start}, stop it with {@link #close}.
 */
public final class Portal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /**
   * How long an upload or a rebuild waits for the store's one-writer lock (held by another upload,
   * a {@code run} or the mail poller) before it answers that the store is busy.
   */
  static final java.time.Duration WRITER_WAIT = java.time.Duration.ofMinutes(5);

  private final WebConfig config;
  private final StorePool stores;
  private final Pages pages = new Pages();
  private final Auth auth;
  private Javalin app;

  private Portal(WebConfig config, Clock clock) {
    this.config = config;
    this.stores =
        new StorePool(
            6,
            config.store(),
            store ->
                new Pipeline(
                    config.schema(),
                    store,
                    config.registry(),
                    config.output().resolve("feedback"),
                    config.output().resolve("quarantine")));
    this.auth = new Auth(this, clock);
  }

  /** Opens the store and starts serving; {@link #port()} tells the port when it was 0. */
  public static Portal start(WebConfig config) throws IOException {
    Files.createDirectories(config.received());
    Portal p = new Portal(config, Clock.systemUTC());
    try {
      p.app = p.create().start(config.bind(), config.port());
    } catch (RuntimeException e) {
      p.stores.close();
      throw e;
    }
    return p;
  }

  private Javalin create() {
    ServicePages service = new ServicePages(this);
    AnalystPages analyst = new AnalystPages(this);
    return Javalin.create(
        c -> {
          c.startup.showJavalinBanner = false;
          c.startup.showOldJavalinVersionWarning = false;
          c.jetty.multipartConfig.maxFileSize(WebConfig.MAX_FILE_BYTES, SizeUnit.BYTES);
          c.jetty.multipartConfig.maxTotalRequestSize(
              WebConfig.MAX_FILE_BYTES * WebConfig.MAX_FILES, SizeUnit.BYTES);
          c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
          c.jetty.multipartConfig.cacheDirectory(config.received().toString());
          c.http.maxRequestSize = 1_000_000;
          if (config.tls()) {
            c.jetty.addConnector(
                (server, http) -> {
                  SslContextFactory.Server ssl = new SslContextFactory.Server();
                  ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
                  ssl.setKeyStorePassword(config.tlsPassword());
                  ssl.setKeyStoreType("PKCS12");
                  http.addCustomizer(new SecureRequestCustomizer());
                  ServerConnector tls =
                      new ServerConnector(server, ssl, new HttpConnectionFactory(http));
                  tls.setHost(config.bind());
                  tls.setPort(config.port());
                  return tls;
                });
          }
          c.routes.before(
              ctx -> {
                headers(ctx);
                auth.load(ctx);
              });
          c.routes.get("/assets/site.css", this::css);
          c.routes.get("/login", ctx -> auth.loginPage(ctx, null, null, 200));
          c.routes.post("/login", auth::login);
          c.routes.post("/logout", auth::logout);
          c.routes.get("/", this::home);
          c.routes.get("/template.xlsx", service::template);
          service.routes(c.routes);
          analyst.routes(c.routes);
          c.routes.exception(
              NotFound.class,
              (e, ctx) -> {
                UnreadBody.discard(ctx);
                notFound(ctx);
              });
          c.routes.exception(
              Auth.SignInNeeded.class,
              (e, ctx) -> {
                if (ctx.method() == io.javalin.http.HandlerType.GET) {
                  ctx.redirect("/login", HttpStatus.SEE_OTHER);
                } else {
                  UnreadBody.discard(ctx);
                  ctx.status(401);
                  message(ctx, "Sign in", "Your session has ended. Sign in again.");
                }
              });
          c.routes.exception(
              Auth.BadToken.class,
              (e, ctx) -> {
                UnreadBody.discard(ctx);
                ctx.status(403);
                message(
                    ctx,
                    "The form has expired",
                    "Go back, reload the page and send the form again.");
              });
          c.routes.exception(
              org.idva.insights.store.StoreBusyException.class,
              (e, ctx) -> {
                ctx.status(503);
                message(
                    ctx,
                    "The returns store is busy",
                    "Another upload or the analyst's run is being processed. Nothing you sent"
                        + " was stored; try again in a few minutes.");
              });
          c.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("Request {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                ctx.status(500);
                message(
                    ctx,
                    "Sorry, something went wrong",
                    "Nothing you sent was lost or half-stored. Try again; if it happens again,"
                        + " tell the analyst.");
              });
          c.routes.error(404, ctx -> notFound(ctx));
        });
  }

  /** The port served on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    stores.close();
  }

  WebConfig config() {
    return config;
  }

  StorePool stores() {
    return stores;
  }

  private void home(Context ctx) {
    WebSession s = Auth.required(ctx);
    ctx.redirect(
        s.account().analyst() ? "/analyst" : "/services/" + s.account().service(),
        HttpStatus.SEE_OTHER);
  }

  /** Renders a page with the visitor and the form token added to the model. */
  void page(Context ctx, String name, Map<String, Object> model) {
    Map<String, Object> all = new LinkedHashMap<>(model);
    Auth.visitor(ctx)
        .ifPresent(
            s -> {
              all.put("account", s.account());
              all.putIfAbsent("csrf", s.csrfToken());
            });
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(pages.render(name, all));
  }

  void message(Context ctx, String title, String text) {
    page(ctx, "message", Map.of("title", title, "text", text));
  }

  private void notFound(Context ctx) {
    ctx.status(404);
    message(ctx, "Page not found", "If you typed the web address, check it is correct.");
  }

  private void css(Context ctx) throws IOException {
    try (InputStream in = Portal.class.getResourceAsStream("/web/site.css")) {
      ctx.contentType("text/css; charset=utf-8");
      ctx.header("Cache-Control", "max-age=3600");
      ctx.result(in.readAllBytes());
    }
  }

  private void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (secure(ctx)) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** True when the browser reached us over HTTPS (directly, or through a trusted proxy). */
  boolean secure(Context ctx) {
    if (config.tls() || "https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    return config.trustProxy() && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  /** The client's address: the proxy's X-Forwarded-For first hop when the proxy is trusted. */
  String clientIp(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-For");
    if (config.trustProxy() && forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].strip();
    }
    return ctx.ip();
  }

  /** Adds to the audit log (never fails a request: a failure to write it is logged). */
  void audit(Context ctx, String actor, String action, String service, String detail) {
    try {
      stores.with(l -> l.store().audit().record(actor, clientIp(ctx), action, service, detail));
    } catch (Exception e) {
      LOG.error("Could not write the audit log ({}): {}", action, e.toString());
    }
  }

  /** A service code as the registry spells it, or NotFound. */
  String registeredService(String code) {
    return config.registry().service(code).map(s -> s.code()).orElseThrow(NotFound::new);
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
