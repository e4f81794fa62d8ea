package org.idva.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --tls-keystore}: HTTPS served directly, cookies Secure, HSTS sent. */
class PortalTlsTest {
  @TempDir Path dir;

  @Test
  void servesHttpsFromAKeystoreWithSecureCookies() throws Exception {
    Path keystore = dir.resolve("portal.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "test-password",
                "-alias",
                "portal",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    try (PortalFixture fx =
        new PortalFixture(dir, PortalFixture.REGISTRY, keystore, "test-password")) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (var in = java.nio.file.Files.newInputStream(keystore)) {
        ks.load(in, "test-password".toCharArray());
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("portal", (X509Certificate) ks.getCertificate("portal"));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> login =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + fx.portal.port() + "/login"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("Sign in");
      assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
      assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
  }
}
