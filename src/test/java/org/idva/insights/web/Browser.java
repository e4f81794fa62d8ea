package org.idva.insights.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with its own cookies, for tests that drive the web page without a browser.
 */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final String base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient client;

  Browser(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> e : form.entrySet()) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts files (name to bytes) and form fields as multipart/form-data. */
  HttpResponse<String> upload(String path, Map<String, String> fields, Map<String, byte[]> files)
      throws IOException, InterruptedException {
    String boundary = "----insights" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      write(
          out,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + e.getKey()
              + "\"\r\n\r\n"
              + e.getValue()
              + "\r\n");
    }
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      write(
          out,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"returns\"; filename=\""
              + e.getKey()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.write(e.getValue());
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The form token in a page. */
  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no form token in the page:\n" + page);
    }
    return m.group(1);
  }

  /** Signs in; returns the answer to the sign-in form. */
  HttpResponse<String> signIn(String email, String password)
      throws IOException, InterruptedException {
    String token = csrf(get("/login").body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", token);
    form.put("email", email);
    form.put("password", password);
    return post("/login", form);
  }

  /** The form token of the signed-in session (read from a page). */
  String token(String page) throws IOException, InterruptedException {
    return csrf(get(page).body());
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }
}
