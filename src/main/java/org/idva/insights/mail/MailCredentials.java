package org.idva.insights.mail;

import java.io.IOException;
import java.util.Objects;

/**
 * How the tool proves who it is to a mail server: a password (taken from the environment, never the
 * command line) or an OAuth 2.0 access token sent with SASL XOAUTH2. A token is asked for each time
 * a connection is made, so a source that renews tokens keeps the poller logged in.
 */
public final class MailCredentials {
  /** Where an access token comes from. */
  @FunctionalInterface
  public interface TokenSource {
    /** A token valid for at least the next few minutes. */
    String token() throws IOException;
  }

  private final boolean oauth2;
  private final TokenSource secret;

  private MailCredentials(boolean oauth2, TokenSource secret) {
    this.oauth2 = oauth2;
    this.secret = Objects.requireNonNull(secret);
  }

  /** A password, such as the value of {@code INSIGHTS_IMAP_PASSWORD}. */
  public static MailCredentials password(String password) {
    Objects.requireNonNull(password, "password");
    return new MailCredentials(false, () -> password);
  }

  /** OAuth 2.0: the access token from {@code tokens}, sent with SASL XOAUTH2. */
  public static MailCredentials oauth2(TokenSource tokens) {
    return new MailCredentials(true, tokens);
  }

  /** True for SASL XOAUTH2 with an access token. */
  public boolean oauth2() {
    return oauth2;
  }

  /** The password or the current access token: pass it to the server, never print it. */
  String secret() throws IOException {
    String s = secret.token();
    if (s == null || s.isBlank()) {
      throw new IOException(oauth2 ? "the access token is empty" : "the password is empty");
    }
    return s;
  }

  @Override
  public String toString() {
    return oauth2 ? "OAuth 2.0 access token" : "password";
  }
}
