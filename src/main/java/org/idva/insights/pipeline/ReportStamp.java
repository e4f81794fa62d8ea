package org.idva.insights.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.idva.insights.render.MasterOptions;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoredReturn;

/**
 * What the last report in an output folder was made from: every return the store holds (its id,
 * file hash, state and status), the year asked for, the day and the master workbook options (the
 * template's size and time included). A rerun whose stamp is the same, and whose files are all
 * still there, need not compute or write the report again.
 */
final class ReportStamp {
  static final String FILE = ".report-stamp";

  private ReportStamp() {}

  /** The stamp of a report made now from {@code store} with these settings. */
  static String of(CaseStore store, Integer year, LocalDate day, MasterOptions options)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("year=").append(year).append('\n').append("day=").append(day).append('\n');
    b.append("options=").append(options).append('\n');
    Path template = options.template();
    if (Files.isRegularFile(template)) {
      b.append("template=")
          .append(Files.size(template))
          .append('@')
          .append(Files.getLastModifiedTime(template).toMillis())
          .append('\n');
    }
    for (String service : new TreeSet<>(store.services())) {
      List<StoredReturn> history = store.history(service);
      for (StoredReturn r : history) {
        b.append(r.id())
            .append(' ')
            .append(r.service())
            .append(' ')
            .append(r.sha256())
            .append(' ')
            .append(r.state())
            .append(' ')
            .append(r.status())
            .append('\n');
      }
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code output} holds a report with this stamp whose files all still exist. */
  static boolean current(Path output, String stamp) throws IOException {
    Path file = output.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(stamp)) {
      return false;
    }
    for (String written : lines.subList(1, lines.size())) {
      if (!written.isBlank() && !Files.isRegularFile(Path.of(written))) {
        return false;
      }
    }
    return true;
  }

  /** Records the stamp and the files of the report just written. */
  static void write(Path output, String stamp, List<Path> files) throws IOException {
    StringBuilder b = new StringBuilder(stamp).append('\n');
    for (Path f : files) {
      b.append(f.toAbsolutePath()).append('\n');
    }
    Files.createDirectories(output);
    Files.writeString(output.resolve(FILE), b.toString(), StandardCharsets.UTF_8);
  }
}
