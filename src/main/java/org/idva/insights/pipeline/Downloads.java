package org.idva.insights.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.idva.insights.render.MasterWorkbookWriter;

/**
 * The files a way in hands out, found where {@code run} and {@code template} write them: the blank
 * return template, each service's report workbook ({@code <output>/services/<service>.xlsx}) and
 * the master workbook ({@code <output>/Insights-Idva-<period>.xlsx}, the newest when there are
 * several).
 */
public final class Downloads {
  private final Path output;
  private final Path blankTemplate;

  /**
   * @param output the folder {@code run} writes into
   * @param blankTemplate the blank return template ({@code workbook-templates/idva-return.xlsx})
   */
  public Downloads(Path output, Path blankTemplate) {
    this.output = output;
    this.blankTemplate = blankTemplate;
  }

  /** The blank return template, when it exists. */
  public Optional<Path> blankTemplate() {
    return Files.isRegularFile(blankTemplate) ? Optional.of(blankTemplate) : Optional.empty();
  }

  /** A service's report workbook, when the report has been written. */
  public Optional<Path> serviceWorkbook(String service) {
    Path file = output.resolve("services").resolve(MasterWorkbookWriter.serviceFileName(service));
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The newest master workbook, when one has been written. */
  public Optional<Path> master() throws IOException {
    if (!Files.isDirectory(output)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(output)) {
      return files
          .filter(p -> p.getFileName().toString().matches("Insights-Idva-.*\\.xlsx"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }
}
