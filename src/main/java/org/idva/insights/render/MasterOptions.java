package org.idva.insights.render;

import java.nio.file.Path;

/**
 * Settings of the master and per-service workbooks.
 *
 * @param template the master template workbook ({@code workbook-templates/insights-master.xlsx});
 *     the narrative templates ({@code *.ftl}) are read from the same folder
 * @param yoyPoints a reporting-year % that moved at least this many points from the previous year
 *     is marked by conditional formatting
 * @param smallBase cells whose base n is below this are flagged as resting on a small base
 * @param suppressUpTo in a single service's figures, counts from 1 to this (and the % beside them)
 *     are shown as {@code c}
 */
public record MasterOptions(Path template, int yoyPoints, int smallBase, int suppressUpTo) {
  public static final Path DEFAULT_TEMPLATE = Path.of("workbook-templates/insights-master.xlsx");

  public MasterOptions {
    if (yoyPoints < 1 || yoyPoints > 100) {
      throw new IllegalArgumentException("yoyPoints must be 1..100, was " + yoyPoints);
    }
    if (smallBase < 0 || suppressUpTo < 0) {
      throw new IllegalArgumentException("smallBase and suppressUpTo must not be negative");
    }
  }

  public static MasterOptions defaults() {
    return new MasterOptions(DEFAULT_TEMPLATE, 5, 10, 4);
  }

  public MasterOptions withTemplate(Path t) {
    return new MasterOptions(t, yoyPoints, smallBase, suppressUpTo);
  }

  /** The folder holding the narrative templates. */
  public Path templateFolder() {
    Path parent = template.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}
