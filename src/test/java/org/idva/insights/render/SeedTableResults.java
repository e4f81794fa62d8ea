package org.idva.insights.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The seed report's tables as {@link org.idva.insights.model.TableResult}s, as the engine gives
 * them.
 */
final class SeedTableResults {
  static final LocalDate GENERATED_ON = LocalDate.of(2026, 11, 26);

  private SeedTableResults() {}

  static Path file() {
    Path copy = Path.of("src/test/resources/seed/insights-idva-2022-23.tables.json");
    return Files.exists(copy) ? copy : Path.of("../shared/seed/insights-idva-2022-23.tables.json");
  }

  static ReportTables load() throws IOException {
    return TablesJson.read(file(), GENERATED_ON);
  }

  static MasterOptions options() {
    return MasterOptions.defaults()
        .withTemplate(Path.of("workbook-templates/insights-master.xlsx"));
  }
}
