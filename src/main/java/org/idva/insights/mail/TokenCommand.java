package org.idva.insights.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An access token printed by a command ({@code --token-command}), such as {@code az account
 * get-access-token --query accessToken -o tsv} or a script around a secrets manager. The command
 * runs each time a token is needed (each connection), so it renews the token itself; its first
 * non-blank line of output is the token.
 */
public final class TokenCommand implements MailCredentials.TokenSource {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final String command;

  public TokenCommand(String command) {
    this.command = command;
  }

  @Override
  public String token() throws IOException {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    List<String> argv =
        windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    try {
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(
            "the --token-command did not finish within " + TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the --token-command", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("the --token-command failed (exit code " + p.exitValue() + ")");
    }
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElseThrow(() -> new IOException("the --token-command printed no token"));
  }
}
