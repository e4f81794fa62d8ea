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
 * quarter counts).
 */
public record ReturnOrigin(String fileName, Instant received) {
  public ReturnOrigin {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(received, "received");
  }

  /** A file read where it lies: its own name, and its modification time as the received time. */
  public static ReturnOrigin of(Path file) throws IOException {
    return new ReturnOrigin(
        file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant());
  }
}
