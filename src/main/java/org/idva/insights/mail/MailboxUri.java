package org.idva.insights.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where a mailbox is: {@code imap[s]://USER@HOST[:PORT][/FOLDER]} or {@code
 * smtp[s]://USER@HOST[:PORT]}. The user may itself be an address ({@code
 * returns@idva.example@outlook.office365.com} splits at the last {@code @}, or write {@code %40});
 * the folder defaults to {@code INBOX}. Never holds a password.
 *
 * @param scheme imap, imaps, smtp or smtps (the s: TLS from the first byte)
 * @param user the account, or empty for none
 * @param host the server
 * @param port the port (the scheme's usual one when not given)
 * @param folder the IMAP folder, or null for SMTP
 */
public record MailboxUri(String scheme, String user, String host, int port, String folder) {
  private static final Map<String, Integer> PORTS =
      Map.of("imap", 143, "imaps", 993, "smtp", 587, "smtps", 465);

  /**
   * Parses a mailbox URI of the given kind.
   *
   * @param kind {@code imap} or {@code smtp}
   * @throws IllegalArgumentException with a message that says what is wrong and what is expected
   */
  public static MailboxUri parse(String text, String kind) {
    String expected =
        kind.equals("imap")
            ? "imap[s]://USER@HOST:PORT[/FOLDER], such as imaps://returns@idva.example@outlook.office365.com:993/INBOX"
            : "smtp[s]://USER@HOST:PORT, such as smtp://returns@idva.example@smtp.office365.com:587";
    int sep = text.indexOf("://");
    if (sep < 0) {
      throw new IllegalArgumentException("\"" + text + "\" is not a mailbox URI: give " + expected);
    }
    String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!scheme.equals(kind) && !scheme.equals(kind + "s")) {
      throw new IllegalArgumentException(
          "\"" + scheme + "://\" is not " + kind + ":// or " + kind + "s://: give " + expected);
    }
    String rest = text.substring(sep + 3);
    int at = rest.lastIndexOf('@', slashAfter(rest));
    String user = at < 0 ? "" : decode(rest.substring(0, at));
    rest = rest.substring(at + 1);
    int slash = rest.indexOf('/');
    String hostPort = slash < 0 ? rest : rest.substring(0, slash);
    String folder = slash < 0 ? "" : decode(rest.substring(slash + 1));
    if (kind.equals("smtp") && !folder.isEmpty()) {
      throw new IllegalArgumentException("An SMTP server has no folder: give " + expected);
    }
    String host = hostPort;
    int port = PORTS.get(scheme);
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, colon);
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "\"" + hostPort.substring(colon + 1) + "\" is not a port number: give " + expected);
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " is out of range: give " + expected);
      }
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("No server in \"" + text + "\": give " + expected);
    }
    return new MailboxUri(
        scheme,
        user,
        host,
        port,
        kind.equals("imap") ? (folder.isEmpty() ? "INBOX" : folder) : null);
  }

  /** Where the authority ends: the first slash after the last {@code @} before any slash. */
  private static int slashAfter(String rest) {
    int firstSlash = rest.indexOf('/');
    int lastAt = rest.lastIndexOf('@', firstSlash < 0 ? rest.length() : firstSlash);
    int slash = rest.indexOf('/', Math.max(lastAt, 0));
    return slash < 0 ? rest.length() : slash;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** True for imaps and smtps: TLS from the first byte. */
  public boolean tls() {
    return scheme.endsWith("s");
  }

  /** The protocol name Jakarta Mail knows it by (imap, imaps, smtp, smtps). */
  public String protocol() {
    return scheme;
  }

  /** True when the server is this machine (a test server, or a local relay). */
  public boolean local() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  @Override
  public String toString() {
    return scheme
        + "://"
        + (user.isEmpty() ? "" : user + "@")
        + host
        + ":"
        + port
        + (folder == null ? "" : "/" + folder);
  }
}
