package org.idva.insights.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An access token fetched with the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4), as a
 * Microsoft 365 app registration allowed to read one shared mailbox uses: POST the client id, its
 * secret and the scope to the token endpoint. The token is kept and fetched again before it expires
 * (five minutes early, or at half its life when it lives less than ten minutes).
 */
public final class ClientCredentialsGrant implements MailCredentials.TokenSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private String token;
  private Instant renewAt = Instant.MIN;

  /**
   * @throws IllegalArgumentException when the token URL is not https (http only to this machine)
   */
  public ClientCredentialsGrant(
      URI tokenUrl, String clientId, String clientSecret, String scope, Clock clock) {
    String host = tokenUrl.getHost() == null ? "" : tokenUrl.getHost();
    boolean local = host.equals("localhost") || host.startsWith("127.");
    if (!"https".equals(tokenUrl.getScheme()) && !(local && "http".equals(tokenUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "The token URL " + tokenUrl + " must be https:// (the client secret goes over it)");
    }
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public synchronized String token() throws IOException {
    Instant now = clock.instant();
    if (token != null && now.isBefore(renewAt)) {
      return token;
    }
    Map<String, String> form =
        scope == null || scope.isBlank()
            ? Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                clientSecret)
            : Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                clientSecret,
                "scope",
                scope);
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching an access token", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
      String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : "";
      throw new IOException(
          "The token endpoint "
              + tokenUrl
              + " answered HTTP "
              + response.statusCode()
              + (error.isEmpty() ? "" : " (" + error + ")")
              + "; check --oauth-client-id, --oauth-scope and INSIGHTS_OAUTH_CLIENT_SECRET");
    }
    long life = json.path("expires_in").asLong(3600);
    long early = life < 600 ? life / 2 : 300;
    token = json.get("access_token").asText();
    renewAt = now.plusSeconds(life - early);
    return token;
  }
}
