package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials grant against a local token endpoint: the form sent, and renewal. */
class ClientCredentialsGrantTest {
  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        ex -> {
          requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              (status == 200
                      ? "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"tok-"
                          + requests.size()
                          + "\"}"
                      : "{\"error\":\"invalid_client\"}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(status, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void fetchesOnceAndRenewsBeforeExpiry() throws Exception {
    MovableClock clock = new MovableClock();
    ClientCredentialsGrant grant =
        new ClientCredentialsGrant(
            url(), "app-id", "s3cret&=", "https://outlook.office365.com/.default", clock);
    assertThat(grant.token()).isEqualTo("tok-1");
    clock.now = clock.now.plus(Duration.ofMinutes(54));
    assertThat(grant.token()).as("still valid for 6 minutes: kept").isEqualTo("tok-1");
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(grant.token()).as("5 minutes before expiry: renewed").isEqualTo("tok-2");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0))
        .contains("grant_type=client_credentials")
        .contains("client_id=app-id")
        .contains("client_secret=s3cret%26%3D")
        .contains("scope=https%3A%2F%2Foutlook.office365.com%2F.default");
  }

  @Test
  void aRefusalSaysWhatToCheckWithoutTheSecret() {
    status = 401;
    ClientCredentialsGrant grant =
        new ClientCredentialsGrant(url(), "app-id", "s3cret", null, Clock.systemUTC());
    assertThatThrownBy(grant::token)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theSecretNeverGoesOverPlainHttpToAnotherMachine() {
    assertThatThrownBy(
            () ->
                new ClientCredentialsGrant(
                    URI.create("http://login.example/token"), "a", "b", null, Clock.systemUTC()))
        .hasMessageContaining("must be https://");
  }
}
