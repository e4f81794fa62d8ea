package org.idva.insights.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * A return's parts as the inspection inflated and checked them, held as one uncompressed (stored)
 * zip in {@code bytes[0, length)}, with where each part's own bytes lie in it: fastexcel-reader
 * opens the zip, the byte-level row reader reads a sheet's bytes in place.
 */
record PackageBytes(byte[] bytes, int length, Map<String, Span> parts) {

  /** Where one part's bytes lie: {@code bytes[offset, offset + length)}. */
  record Span(int offset, int length) {
    int end() {
      return offset + length;
    }
  }

  PackageBytes {
    parts = Map.copyOf(parts);
  }

  /** The stored zip, for fastexcel-reader. */
  InputStream zipStream() {
    return new ByteArrayInputStream(bytes, 0, length);
  }

  /** Where the part of this exact name lies, or null when there is none. */
  Span span(String name) {
    return parts.get(name);
  }

  /** A part's bytes as a stream, or null when there is none. */
  InputStream stream(String name) {
    Span s = parts.get(name);
    return s == null ? null : new ByteArrayInputStream(bytes, s.offset(), s.length());
  }

  Set<String> names() {
    return parts.keySet();
  }
}
