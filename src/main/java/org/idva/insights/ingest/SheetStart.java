package org.idva.insights.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where a worksheet's rows begin, for {@link SheetRowBytes}: the XML parser reads the part up to
 * its {@code <sheetData>} (as fastexcel-reader does before its first row, so whatever it would
 * refuse there is refused here), and the start tag is then found in the bytes. Only a part written
 * plainly qualifies: UTF-8, XML 1.0, {@code <sheetData>} unprefixed right inside the root, and
 * nothing before it but elements (no comment or processing instruction a byte search could be
 * fooled by). Otherwise there is no byte reader for the sheet and fastexcel-reader reads it all.
 */
final class SheetStart {
  private SheetStart() {}

  private static final byte[] SHEET_DATA = "<sheetData".getBytes(StandardCharsets.US_ASCII);

  /** A byte reader for the sheet in {@code part}, or null when fastexcel-reader should read it. */
  static SheetRowBytes rows(PackageBytes.Part part, SharedStrings strings) {
    byte[] b = part.bytes();
    Set<String> prefixes = new HashSet<>();
    prefixes.add("xml");
    try {
      XMLStreamReader r =
          PartNames.StaxFactory.FACTORY.createXMLStreamReader(
              new ByteArrayInputStream(b, 0, part.length()));
      int depth = 0;
      boolean found = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamReader.START_ELEMENT) {
          depth++;
          boolean sheetData = "sheetData".equals(r.getLocalName());
          if (depth == 1 || sheetData) {
            // the prefixes in scope where the rows are: those of the root and of sheetData
            for (int i = 0; i < r.getNamespaceCount(); i++) {
              String p = r.getNamespacePrefix(i);
              if (p != null && !p.isEmpty()) {
                prefixes.add(p);
              }
            }
          }
          if (sheetData) {
            String prefix = r.getPrefix();
            if (depth != 2 || (prefix != null && !prefix.isEmpty())) {
              return null;
            }
            found = true;
            break;
          }
        } else if (event == XMLStreamReader.END_ELEMENT) {
          depth--;
        }
      }
      r.close();
      if (!found) {
        return null;
      }
    } catch (XMLStreamException | RuntimeException e) {
      return null; // fastexcel-reader reports it
    }
    int from = 0;
    int end = part.length();
    int p = prolog(b, from, end);
    if (p < 0) {
      return null;
    }
    int at = -1;
    for (int i = p; i + SHEET_DATA.length < end; i++) {
      if (b[i] != '<') {
        continue;
      }
      byte next = b[i + 1];
      if (next == '!' || next == '?') {
        return null;
      }
      if (matches(b, i, SHEET_DATA)) {
        byte after = b[i + SHEET_DATA.length];
        if (after == '>'
            || after == '/'
            || after == ' '
            || after == '\t'
            || after == '\n'
            || after == '\r') {
          at = i;
          break;
        }
      }
    }
    if (at < 0) {
      return null;
    }
    int q = at + SHEET_DATA.length;
    while (q < end && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n' || b[q] == '\r')) {
      q++;
    }
    if (q + 1 < end && b[q] == '/' && b[q + 1] == '>') {
      return SheetRowBytes.empty();
    }
    if (q >= end || b[q] != '>') {
      return null; // attributes on sheetData: left to fastexcel-reader
    }
    return new SheetRowBytes(b, q + 1, end, strings, Set.copyOf(prefixes));
  }

  /**
   * The position after a UTF-8 byte order mark and an XML 1.0 declaration naming UTF-8 (or none),
   * or -1 when the part is declared otherwise.
   */
  static int prolog(byte[] b, int from, int end) {
    int p = from;
    if (end - p >= 3
        && (b[p] & 0xFF) == 0xEF
        && (b[p + 1] & 0xFF) == 0xBB
        && (b[p + 2] & 0xFF) == 0xBF) {
      p += 3;
    }
    if (end - p >= 5 && matches(b, p, "<?xml".getBytes(StandardCharsets.US_ASCII))) {
      int close = -1;
      for (int i = p; i + 1 < end && i < p + 400; i++) {
        if (b[i] == '?' && b[i + 1] == '>') {
          close = i;
          break;
        }
      }
      if (close < 0) {
        return -1;
      }
      String decl = new String(b, p, close - p, StandardCharsets.ISO_8859_1);
      String plain = decl.replace('\'', '"').replaceAll("\\s+", "");
      if (!plain.contains("version=\"1.0\"")) {
        return -1;
      }
      if (plain.contains("encoding=") && !plain.toLowerCase().contains("encoding=\"utf-8\"")) {
        return -1;
      }
      return close + 2;
    }
    if (end - p >= 1 && b[p] != '<') {
      return -1; // not UTF-8 as written plainly (UTF-16, say)
    }
    return p;
  }

  private static boolean matches(byte[] b, int at, byte[] word) {
    for (int k = 0; k < word.length; k++) {
      if (b[at + k] != word[k]) {
        return false;
      }
    }
    return true;
  }
}
