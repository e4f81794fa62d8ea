package org.idva.insights.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.PackageParts;

/**
 * Writes everything one return's service gets back, into {@code <root>/<service>/}: the checked
 * workbook {@code <return>-checked.xlsx} and the message {@code <return>-message.txt} / {@code
 * .html}. Each file holds only that return's own data.
 */
public final class Feedback {
  private final FeedbackWorkbookWriter workbooks;
  private final FeedbackMessage messages;

  public Feedback(Function<String, String> checkTitles) {
    this.workbooks = new FeedbackWorkbookWriter(checkTitles);
    this.messages = new FeedbackMessage(checkTitles);
  }

  /** The files written for one return. */
  public record Files(Path workbook, Path text, Path html) {}

  /**
   * @param original the return file, or null when it could not be opened as a workbook
   */
  public Files write(Path root, Path original, CheckedReturn checked) throws IOException {
    return write(root, original, PackageParts.NONE, checked);
  }

  /**
   * As {@link #write(Path, Path, CheckedReturn)}, the checked copy reading the parts {@code parts}
   * holds (as the reader inflated them) from there rather than from the file.
   */
  public Files write(Path root, Path original, PackageParts parts, CheckedReturn checked)
      throws IOException {
    Path dir = root.resolve(serviceFolder(checked.info().service()));
    String base = baseName(checked.info().fileName());
    Path workbook = dir.resolve(base + "-checked.xlsx");
    workbooks.write(original, parts, checked, workbook);
    FeedbackMessage.Message m = messages.render(checked, workbook.getFileName().toString());
    Path text = dir.resolve(base + "-message.txt");
    Path html = dir.resolve(base + "-message.html");
    AtomicFile.write(text, o -> o.write(m.text().getBytes(StandardCharsets.UTF_8)));
    AtomicFile.write(html, o -> o.write(m.html().getBytes(StandardCharsets.UTF_8)));
    return new Files(workbook, text, html);
  }

  /**
   * The files written earlier for a return of {@code service} sent as {@code fileName}: each one
   * that still exists, null for one that does not. A return recognised as unchanged points to them.
   */
  public static Files written(Path root, String service, String fileName) {
    Path dir = root.resolve(serviceFolder(service));
    String base = baseName(fileName);
    return new Files(
        existing(dir.resolve(base + "-checked.xlsx")),
        existing(dir.resolve(base + "-message.txt")),
        existing(dir.resolve(base + "-message.html")));
  }

  private static Path existing(Path file) {
    return java.nio.file.Files.isRegularFile(file) ? file : null;
  }

  /** The service's folder name: its code made safe for a path, or {@code unknown-service}. */
  public static String serviceFolder(String service) {
    if (service == null || service.isBlank()) {
      return "unknown-service";
    }
    String safe = service.strip().replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '_') ? "unknown-service" : safe;
  }

  /** Longest base name used for feedback files: file systems allow 255 bytes per name. */
  static final int MAX_BASE = 100;

  /**
   * The file name without its extension, made safe for a path (no leading dot); a name longer than
   * {@value #MAX_BASE} characters is cut and ends with a hash of the whole name, so two long names
   * that differ only at the end still get different files.
   */
  public static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
    if (safe.length() <= MAX_BASE) {
      return safe;
    }
    return safe.substring(0, MAX_BASE - 9) + String.format("-%08x", fileName.hashCode());
  }
}
