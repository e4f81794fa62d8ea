package org.idva.insights.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.idva.insights.ingest.ReturnFiles;

/**
 * Where the files that came by e-mail or upload are kept: under a path the tool chooses ({@code
 * <root>/<channel>/<batch>/<n>.xlsx}), never one built from the name the sender gave, which is
 * passed to the {@link Pipeline} as {@link Submission#originalName()} only. Shared by every way in
 * that receives bytes rather than a file on the analyst's disk.
 */
public final class ReceivedFiles {
  private final Path root;

  /**
   * @param root the folder they are kept under, such as {@code output/received}
   */
  public ReceivedFiles(Path root) {
    this.root = root;
  }

  /**
   * Keeps one received file and returns where.
   *
   * @param batch what it came in (a message's key, an upload's id): letters, digits and dashes
   * @param n its number in the batch, from 1
   * @param originalName the name the sender gave: only its extension (.xlsx or .xls) is kept
   */
  public Path keep(Channel channel, String batch, int n, String originalName, InputStream bytes)
      throws IOException {
    if (!batch.matches("[A-Za-z0-9-]{1,80}")) {
      throw new IllegalArgumentException("not a batch id: " + batch);
    }
    Path dir =
        Files.createDirectories(
            root.resolve(channel.name().toLowerCase(Locale.ROOT)).resolve(batch));
    Path target = dir.resolve(n + extension(originalName));
    Path part = dir.resolve(n + ".part");
    Files.copy(bytes, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** {@code .xlsx} or {@code .xls} when the name ends so (any case), else {@code .bin}. */
  static String extension(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") ? ".xlsx" : lower.endsWith(".xls") ? ".xls" : ".bin";
  }

  /** A sender's file name made safe to use as a file name in a folder of ours. */
  public static String safeName(String name) {
    return ReturnFiles.safeName(name);
  }
}
