package org.idva.insights.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a return came from, as the checks and the store see it: the file name the service gave it
 * (which can differ from the path it was saved under: an e-mail attachment or an upload is kept
 * under a name the tool chose) and when the tool received it (which decides which return of a
 * quarter counts). The file's SHA-256 (hex) goes with it when the caller has already hashed the
 * file (to know it again, before reading it), so it is not hashed twice; null when not.
 */
public record ReturnOrigin(String fileName, Instant received, String sha256) {
  public ReturnOrigin {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(received, "received");
  }

  /** Where a return came from, its file not yet hashed. */
  public ReturnOrigin(String fileName, Instant received) {
    this(fileName, received, null);
  }

  /** A file read where it lies: its own name, and its modification time as the received time. */
  public static ReturnOrigin of(Path file) throws IOException {
    return new ReturnOrigin(
        file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant());
  }
}
