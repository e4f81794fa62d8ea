package org.idva.insights.mail;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * The Jakarta Mail sessions for a mailbox: time-outs (a hung server must not hang the poller),
 * server identity checked on TLS, STARTTLS required on plain ports to any server but this machine,
 * and SASL XOAUTH2 only when authenticating with an access token.
 */
final class MailSessions {
  private MailSessions() {}

  /** A session for reading and parsing messages only (no server). */
  static Session offline() {
    return Session.getInstance(base());
  }

  static Session forServer(MailboxUri uri, MailCredentials credentials) {
    Properties p = base();
    String k = "mail." + uri.protocol() + ".";
    p.setProperty(k + "host", uri.host());
    p.setProperty(k + "port", Integer.toString(uri.port()));
    p.setProperty(k + "connectiontimeout", "30000");
    p.setProperty(k + "timeout", "120000");
    p.setProperty(k + "writetimeout", "120000");
    if (uri.tls()) {
      p.setProperty(k + "ssl.checkserveridentity", "true");
    } else {
      p.setProperty(k + "starttls.enable", "true");
      if (!uri.local()) {
        p.setProperty(k + "starttls.required", "true");
        p.setProperty(k + "ssl.checkserveridentity", "true");
      }
    }
    if (uri.protocol().startsWith("smtp")) {
      p.setProperty(k + "auth", Boolean.toString(!uri.user().isEmpty()));
    }
    if (credentials != null && credentials.oauth2()) {
      p.setProperty(k + "auth.mechanisms", "XOAUTH2");
      p.setProperty(k + "auth.xoauth2.disable", "false");
      p.setProperty(k + "auth.login.disable", "true");
      p.setProperty(k + "auth.plain.disable", "true");
    }
    return Session.getInstance(p);
  }

  private static Properties base() {
    Properties p = new Properties();
    // attachment names in RFC 2047 encoded words and RFC 2231 parameters
    p.setProperty("mail.mime.decodefilename", "true");
    p.setProperty("mail.mime.decodeparameters", "true");
    p.setProperty("mail.mime.address.strict", "false");
    return p;
  }
}
