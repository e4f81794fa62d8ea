package org.idva.insights.pipeline;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.validate.ReturnFileName;

/**
 * The order a folder's returns are taken in: by the quarter their names give ({@code
 * SVC01_2022-23-Q1.xlsx}), the oldest first, and by name within a quarter; files named otherwise
 * after them, by name. A service's conventionally named returns (its code spelt the same way in
 * each) come in the same order as by name (its quarters in turn, a checked copy sent back beside
 * its quarter's return as before; names spelling the code in other letter cases now come in quarter
 * order among them, where by name they came after them), so each return is checked and merged after
 * the same earlier returns of its service; but the services' returns come side by side, so returns
 * of different services, which never wait for each other, are under way together ({@link
 * Pipeline#submitAll}). By name the nine sample services' twelve returns each came one service
 * after the other, and each waited for the one before.
 */
public final class QuarterOrder {
  private static final Comparator<Path> BY_QUARTER =
      Comparator.comparing(
          QuarterOrder::quarter, Comparator.nullsLast(Comparator.<ReportingQuarter>naturalOrder()));

  private QuarterOrder() {}

  /** The files in the order they are taken in; {@code files} is in name order. */
  public static List<Path> of(List<Path> files) {
    return files.stream().sorted(BY_QUARTER).toList(); // stable: name order within a quarter
  }

  private static ReportingQuarter quarter(Path file) {
    Path name = file.getFileName();
    return name == null
        ? null
        : ReturnFileName.parse(name.toString()).map(ReturnFileName::quarter).orElse(null);
  }
}
