package org.idva.insights.model;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A return workbook opened by the reader: its sheets, and each sheet's rows streamed on demand (in
 * any order, by name), so memory does not grow with the number of rows. The checks read it; the
 * reader implements it for .xlsx and legacy .xls.
 */
public interface RawWorkbook extends AutoCloseable {

  /** The file's name, no folder. */
  String fileName();

  /** Whether dates are counted from 1904 (old Mac Excel) rather than 1900. */
  boolean date1904();

  /** Every sheet in workbook order. */
  List<RawSheet> sheets();

  /**
   * Streams the rows of a sheet that have at least one non-empty cell, top to bottom, until the
   * handler returns false.
   */
  void readRows(RawSheet sheet, Predicate<RawRow> rows) throws IOException;

  /** A sheet whose name matches exactly, or ignoring case and surrounding spaces. */
  default Optional<RawSheet> sheet(String name) {
    return sheets().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .or(
            () ->
                sheets().stream().filter(s -> s.name().trim().equalsIgnoreCase(name)).findFirst());
  }

  /**
   * The package's parts as the reader inflated them, for a later stage that streams them again
   * (they stay readable after {@link #close}); {@link PackageParts#NONE} when none were kept.
   */
  default PackageParts parts() {
    return PackageParts.NONE;
  }

  @Override
  void close() throws IOException;
}
