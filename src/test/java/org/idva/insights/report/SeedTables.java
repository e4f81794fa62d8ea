package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed report's tables ({@code ../shared/seed/insights-idva-2022-23.tables.json}); a copy is
 * kept in the test resources so the tests run on a clone without the shared folder.
 */
public final class SeedTables {
  private SeedTables() {}

  public static JsonNode load() throws IOException {
    Path shared = Path.of("../shared/seed/insights-idva-2022-23.tables.json");
    Path copy = Path.of("src/test/resources/seed/insights-idva-2022-23.tables.json");
    Path file = Files.exists(copy) ? copy : shared;
    return new ObjectMapper().readTree(file.toFile());
  }

  public static List<JsonNode> tables() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    load().get("tables").forEach(out::add);
    return out;
  }
}
