package org.idva.insights.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the return files in a folder, and sets rejected ones aside in a quarantine folder. */
public final class ReturnFiles {
  private static final List<String> EXTENSIONS =
      List.of(".xlsx", ".xlsm", ".xls", ".csv", ".ods", ".zip");

  private ReturnFiles() {}

  /**
   * The files in a folder (not its subfolders) that look like returns someone sent: spreadsheets
   * and things posing as them, by extension; hidden files and Excel's {@code ~$} lock files are
   * skipped. A single file is returned as itself. Sorted by name.
   */
  public static List<Path> find(Path fileOrFolder) throws IOException {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> files = Files.list(fileOrFolder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(ReturnFiles::looksLikeReturn)
          .sorted()
          .toList();
    }
  }

  static boolean looksLikeReturn(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !name.startsWith("~$")
        && EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /**
   * Copies a rejected file into {@code quarantineDir} (created if needed) and returns the copy. The
   * original is left where it was: the input folder may be version-controlled sample data, and the
   * service's file is never lost.
   */
  public static Path quarantine(Path file, Path quarantineDir) throws IOException {
    return quarantine(file, file.getFileName().toString(), quarantineDir);
  }

  /**
   * {@link #quarantine(Path, Path)} under the name the sender gave the file, made safe for a path
   * (letters, digits, dot, dash and underscore; nothing else, no leading dot).
   */
  public static Path quarantine(Path file, String name, Path quarantineDir) throws IOException {
    Files.createDirectories(quarantineDir);
    Path target = quarantineDir.resolve(safeName(name));
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** A sender's file name made safe to use as a file name in a folder of ours. */
  public static String safeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (safe.length() > 120) {
      int dot = safe.lastIndexOf('.');
      String ext = dot > 0 && safe.length() - dot <= 6 ? safe.substring(dot) : "";
      safe = safe.substring(0, 120 - ext.length()) + ext;
    }
    return safe.isEmpty() ? "return" : safe;
  }
}
