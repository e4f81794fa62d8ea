package org.idva.insights.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.idva.insights.model.PackageParts;

/**
 * A return's parts as the inspection inflated and checked them, by part name: the byte-level row
 * reader reads a sheet's rows from them in place, so the sheets are not inflated a second time and
 * the rows are read from exactly the bytes that were inspected.
 */
record PackageBytes(Map<String, Part> parts) implements PackageParts {

  /** One part's bytes: {@code bytes[0, length)}. */
  record Part(byte[] bytes, int length) {}

  PackageBytes {
    parts = Map.copyOf(parts);
  }

  /** The part of this exact name, or null when there is none. */
  Part part(String name) {
    return parts.get(name);
  }

  /** A part's bytes as a stream, or null when there is none. */
  @Override
  public InputStream open(String name) {
    Part p = parts.get(name);
    return p == null ? null : new ByteArrayInputStream(p.bytes(), 0, p.length());
  }
}
