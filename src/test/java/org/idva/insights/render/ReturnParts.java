package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The package parts the copy tests compare on: those of one quarter of the sample returns (every
 * service and year) and of every return in the test resources (the broken ones among them), plus
 * any extra workbook, each with a label naming its file and part.
 */
final class ReturnParts {
  /** One part: {@code file!part} and its inflated bytes. */
  record Part(String label, byte[] bytes) {}

  private ReturnParts() {}

  /**
   * The parts whose names {@code names} accepts, of the sample's returns for the quarter {@code
   * quarter} ({@code "-Q2"}), of the test returns and of {@code extra}; a file that is not a zip is
   * skipped.
   */
  static List<Part> of(String quarter, Predicate<String> names, Path... extra) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> input = Files.list(Path.of("input"));
        Stream<Path> resources = Files.walk(Path.of("src/test/resources/returns"))) {
      Stream.concat(input, resources)
          .filter(p -> p.toString().endsWith(".xlsx"))
          .filter(p -> !p.startsWith("input") || p.toString().endsWith(quarter + ".xlsx"))
          .sorted()
          .forEach(files::add);
    }
    files.addAll(List.of(extra));
    List<Part> parts = new ArrayList<>();
    for (Path p : files) {
      try (ZipFile zip = new ZipFile(p.toFile())) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          if (names.test(e.getName())) {
            try (InputStream in = zip.getInputStream(e)) {
              parts.add(new Part(p + "!" + e.getName(), in.readAllBytes()));
            }
          }
        }
      } catch (ZipException notAZip) {
        // the broken returns include files that are not zips at all
      }
    }
    return parts;
  }

  /** Whether a part is a worksheet. */
  static boolean worksheet(String name) {
    return name.startsWith("xl/worksheets/sheet") && name.endsWith(".xml");
  }
}
