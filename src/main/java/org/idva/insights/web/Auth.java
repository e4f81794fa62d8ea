package org.idva.insights.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.idva.insights.store.Account;
import org.idva.insights.store.WebSession;

/**
 * Signing in and out, sessions and CSRF tokens. A session id is 256 random bits in an HttpOnly,
 * SameSite=Strict cookie (Secure over HTTPS); the store keeps only its SHA-256. Every sign-in
 * issues a new id (no fixation); a session ends after {@link WebConfig#idle()} unused or 12 hours
 * in all. Every form carries a token: the session's, or before signing in a random one that must
 * match a cookie of the same value.
 */
final class Auth {
  static final String SESSION_COOKIE = "insights_session";
  static final String LOGIN_COOKIE = "insights_login";
  static final String VISITOR = "visitor";
  private static final Duration ABSOLUTE = Duration.ofHours(12);
  private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Portal portal;
  private final Passwords passwords;
  private final LoginThrottle throttle;
  private final Clock clock;

  /** A dummy hash verified for unknown addresses, so they take as long as wrong passwords. */
  private final String dummyHash;

  Auth(Portal portal, Clock clock) {
    this.portal = portal;
    this.passwords = new Passwords(portal.config().passwordIterations());
    this.throttle = new LoginThrottle(clock);
    this.clock = clock;
    this.dummyHash = passwords.hash(Passwords.generate().toCharArray());
  }

  /** The signed-in visitor of this request, if any. */
  static Optional<WebSession> visitor(Context ctx) {
    return Optional.ofNullable(ctx.attribute(VISITOR));
  }

  /** The signed-in visitor; a page that needs one sends others to sign in. */
  static WebSession required(Context ctx) {
    return visitor(ctx).orElseThrow(SignInNeeded::new);
  }

  /** Thrown when a page needs a signed-in visitor. */
  static final class SignInNeeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SignInNeeded() {
      super("sign in needed", null, false, false);
    }
  }

  /** Thrown when a form's token is missing or wrong. */
  static final class BadToken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadToken() {
      super("bad form token", null, false, false);
    }
  }

  /** Before each request: finds the session of the cookie, ending one idle or too old. */
  void load(Context ctx) throws Exception {
    String token = ctx.cookie(SESSION_COOKIE);
    if (token == null || token.length() > 100) {
      return;
    }
    String hash = sha256(token);
    Instant now = clock.instant();
    Optional<WebSession> found = portal.stores().with(l -> l.store().sessions().find(hash));
    if (found.isEmpty()) {
      return;
    }
    WebSession s = found.get();
    if (s.account().disabled()
        || now.isAfter(s.lastSeen().plus(portal.config().idle()))
        || now.isAfter(s.created().plus(ABSOLUTE))) {
      portal.stores().with(l -> run(() -> l.store().sessions().end(hash)));
      return;
    }
    if (now.isAfter(s.lastSeen().plus(TOUCH_EVERY))) {
      portal.stores().with(l -> run(() -> l.store().sessions().touch(hash, now)));
    }
    ctx.attribute(VISITOR, s);
  }

  /** Checks the form token of a POST made by a signed-in visitor. */
  static void checkToken(Context ctx) {
    WebSession s = required(ctx);
    if (!same(ctx.formParam("csrf"), s.csrfToken())) {
      throw new BadToken();
    }
  }

  /** The sign-in page: a fresh pre-session token in a cookie and the form. */
  void loginPage(Context ctx, String error, String email, int status) {
    String token = random();
    ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, -1));
    ctx.status(status);
    portal.page(
        ctx,
        "login",
        Map.of(
            "csrf", token,
            "error", error == null ? "" : error,
            "email", email == null ? "" : email));
  }

  /** Signs in, or answers the same for an unknown address, a wrong password and a lock. */
  void login(Context ctx) throws Exception {
    if (!same(ctx.formParam("csrf"), ctx.cookie(LOGIN_COOKIE))) {
      throw new BadToken();
    }
    String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String ip = portal.clientIp(ctx);
    if (email.isEmpty() || password.isEmpty()) {
      loginPage(
          ctx, email.isEmpty() ? "Enter your email address" : "Enter your password", email, 400);
      return;
    }
    boolean locked = throttle.locked(email, ip);
    Optional<Account> account =
        email.length() > 254
            ? Optional.empty()
            : portal.stores().with(l -> l.store().accounts().find(email));
    boolean ok =
        passwords.verify(
            password.toCharArray(), account.map(Account::passwordHash).orElse(dummyHash));
    if (locked || !ok || account.isEmpty() || account.get().disabled()) {
      Duration wait = throttle.failed(email, ip);
      portal.audit(ctx, email.length() > 254 ? "(too long)" : email, "sign-in failed", null, "");
      Thread.sleep(wait.toMillis());
      loginPage(ctx, "Enter a correct email address and password", email, 401);
      return;
    }
    throttle.succeeded(email);
    String old = ctx.cookie(SESSION_COOKIE);
    if (old != null && old.length() <= 100) {
      portal.stores().with(l -> run(() -> l.store().sessions().end(sha256(old))));
    }
    String token = random();
    Account a = account.get();
    portal
        .stores()
        .with(l -> run(() -> l.store().sessions().start(sha256(token), a.id(), random(), now())));
    ctx.cookie(cookie(ctx, SESSION_COOKIE, token, -1));
    ctx.removeCookie(LOGIN_COOKIE, "/");
    portal.audit(ctx, a.email(), "sign-in", a.service(), "");
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Signs out: the session ends in the store and the cookie is cleared. */
  void logout(Context ctx) throws Exception {
    checkToken(ctx);
    WebSession s = required(ctx);
    portal.stores().with(l -> run(() -> l.store().sessions().end(s.tokenHash())));
    ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0));
    portal.audit(ctx, s.account().email(), "sign-out", s.account().service(), "");
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private Cookie cookie(Context ctx, String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, portal.secure(ctx), true, null, SameSite.STRICT);
  }

  private Instant now() {
    return clock.instant();
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean same(String given, String expected) {
    if (given == null || expected == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }
}
