package org.idva.insights.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the receiving server found about a message's origin, from its {@code Authentication-Results}
 * header (RFC 8601). A From address can be forged; where the server records this header, a message
 * counts as from its From domain only when DMARC passed for that domain or, without a DMARC result,
 * SPF or DKIM passed for it.
 *
 * <p>Only one header is read: the one added by the receiving server. That is the topmost one (each
 * server adds its own above the others), or the first whose authentication service id is the one
 * given ({@code --authserv-id}); headers further down could have been written by the sender.
 */
final class AuthenticationResults {
  /** The verdict on a message's From domain. */
  enum Verdict {
    /** The server recorded no results: nothing to go on but the From address. */
    NONE,
    /** DMARC (or SPF/DKIM) passed for the From domain. */
    PASS,
    /** The server's results do not show the From domain passed: treat as unregistered. */
    FAIL
  }

  /** One method's result, such as {@code dkim=pass header.d=svc01.example}. */
  record Result(String method, String result, Map<String, String> properties) {}

  private AuthenticationResults() {}

  /**
   * @param headers the message's {@code Authentication-Results} headers, top first (may be empty)
   * @param fromDomain the domain of the From address
   * @param authservId the receiving server's id, or null to read the topmost header
   */
  static Verdict verdict(String[] headers, String fromDomain, String authservId) {
    if (headers == null || headers.length == 0) {
      return authservId == null ? Verdict.NONE : Verdict.FAIL;
    }
    String chosen = null;
    for (String h : headers) {
      if (authservId == null || authservId.equalsIgnoreCase(servId(h))) {
        chosen = h;
        break;
      }
    }
    if (chosen == null) {
      return Verdict.FAIL;
    }
    List<Result> results = parse(chosen);
    String domain = fromDomain.toLowerCase(Locale.ROOT);
    List<Result> dmarc = results.stream().filter(r -> r.method().equals("dmarc")).toList();
    if (!dmarc.isEmpty()) {
      boolean pass =
          dmarc.stream()
              .anyMatch(
                  r ->
                      r.result().equals("pass")
                          && domain.equals(r.properties().getOrDefault("header.from", domain)));
      return pass ? Verdict.PASS : Verdict.FAIL;
    }
    for (Result r : results) {
      if (!r.result().equals("pass")) {
        continue;
      }
      if (r.method().equals("dkim")
          && (domain.equals(r.properties().get("header.d"))
              || domainOf(r.properties().get("header.i")).equals(domain))) {
        return Verdict.PASS;
      }
      if (r.method().equals("spf")
          && domainOf(r.properties().get("smtp.mailfrom")).equals(domain)) {
        return Verdict.PASS;
      }
    }
    return Verdict.FAIL;
  }

  /** The authentication service id: the header's first element. */
  static String servId(String header) {
    String first = stripComments(header).split(";", 2)[0].strip();
    int space = first.indexOf(' ');
    return space < 0 ? first : first.substring(0, space);
  }

  static List<Result> parse(String header) {
    String[] parts = stripComments(unfold(header)).split(";");
    List<Result> out = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String[] tokens = parts[i].strip().split("\\s+");
      if (tokens.length == 0 || !tokens[0].contains("=")) {
        continue;
      }
      String[] mr = tokens[0].split("=", 2);
      Map<String, String> props = new LinkedHashMap<>();
      for (int t = 1; t < tokens.length; t++) {
        String[] kv = tokens[t].split("=", 2);
        if (kv.length == 2) {
          props.put(kv[0].toLowerCase(Locale.ROOT), unquote(kv[1]).toLowerCase(Locale.ROOT));
        }
      }
      out.add(
          new Result(
              mr[0].strip().toLowerCase(Locale.ROOT),
              mr[1].strip().toLowerCase(Locale.ROOT),
              props));
    }
    return out;
  }

  /** The domain of an address or a bare domain; empty for null. */
  static String domainOf(String addressOrDomain) {
    if (addressOrDomain == null) {
      return "";
    }
    int at = addressOrDomain.lastIndexOf('@');
    return addressOrDomain.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static String unfold(String s) {
    return s.replaceAll("\\r?\\n[ \\t]+", " ");
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  /** Removes RFC 5322 comments (in parentheses, which may nest). */
  private static String stripComments(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
