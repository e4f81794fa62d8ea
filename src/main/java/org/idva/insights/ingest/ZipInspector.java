package org.idva.insights.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.idva.insights.model.RawSheet.CellRange;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * Looks inside a zip before any XML parser sees it: refuses OpenDocument files, zips that are not
 * workbooks, zip bombs (entries expanding beyond {@link Limits}) and XML parts declaring a DOCTYPE
 * or entities (XXE payloads are refused, never resolved). Every part is inflated once with a byte
 * counter, so a lying size header cannot get past. Also collects each worksheet's merged cells,
 * which the streaming reader does not report.
 */
final class ZipInspector {

  /** How far a return may expand. A real return of a million rows stays well inside. */
  record Limits(long maxEntryBytes, long maxTotalBytes, double maxRatio, long ratioFloorBytes) {
    static final Limits DEFAULT = new Limits(2L << 30, 4L << 30, 400, 64L << 20);
  }

  private static final Pattern SHEET_TAG = Pattern.compile("<(?:\\w+:)?sheet\\b([^>]*)/?>");
  private static final Pattern ATTR = Pattern.compile("([\\w:]+)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern REL_TAG = Pattern.compile("<Relationship\\b([^>]*)/?>");
  private static final Pattern MERGE = Pattern.compile("<(?:\\w+:)?mergeCell\\s+ref=\"([^\"]+)\"");
  private static final Pattern REF = Pattern.compile("([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?");

  private final Limits limits;

  ZipInspector(Limits limits) {
    this.limits = limits;
  }

  /** Merged ranges by sheet name. */
  Map<String, List<CellRange>> inspect(Path file) throws ReturnReadException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Map<String, ZipEntry> entries = new HashMap<>();
      int count = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        entries.put(entry.getName(), entry);
        if (++count > 20_000) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE, "the file holds over 20,000 parts; no return needs that many");
        }
      }
      if (entries.containsKey("mimetype")) {
        String mime =
            new String(read(zip, entries.get("mimetype"), 200), StandardCharsets.US_ASCII);
        if (mime.contains("opendocument")) {
          throw new ReturnReadException(
              ReadProblem.ODS_RENAMED,
              "the file is an OpenDocument spreadsheet (" + mime.trim() + ")");
        }
      }
      if (!entries.containsKey("xl/workbook.xml")) {
        if (entries.containsKey("[Content_Types].xml")) {
          throw new ReturnReadException(
              ReadProblem.NOT_A_WORKBOOK,
              "the file is an Office document but not an Excel workbook");
        }
        throw new ReturnReadException(
            ReadProblem.NOT_A_WORKBOOK, "the file is a zip archive, not an Excel workbook");
      }
      Map<String, Set<CellRange>> mergedByPart = new HashMap<>();
      long total = 0;
      for (ZipEntry entry : entries.values()) {
        total += scan(zip, entry, mergedByPart);
        if (total > limits.maxTotalBytes()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              "the file expands to over " + limits.maxTotalBytes() + " bytes");
        }
      }
      return mergedBySheetName(zip, entries, mergedByPart);
    } catch (ZipException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the file is damaged or incomplete (" + e.getMessage() + ")", e);
    } catch (ReturnReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the file is damaged or incomplete (" + e.getMessage() + ")", e);
    }
  }

  private long scan(ZipFile zip, ZipEntry entry, Map<String, Set<CellRange>> merged)
      throws IOException {
    String name = entry.getName();
    boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
    boolean worksheet = name.startsWith("xl/worksheets/") && name.endsWith(".xml");
    long compressed = Math.max(1, entry.getCompressedSize());
    byte[] buf = new byte[64 * 1024 + LOOKAHEAD];
    int kept = 0;
    long n = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      while (true) {
        int r = in.readNBytes(buf, kept, buf.length - kept);
        boolean end = r <= 0;
        n += Math.max(0, r);
        if (n > limits.maxEntryBytes()
            || (n > limits.ratioFloorBytes() && (double) n / compressed > limits.maxRatio())) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              "part "
                  + name
                  + " expands beyond "
                  + n
                  + " bytes from "
                  + compressed
                  + " (a zip bomb)");
        }
        int len = kept + Math.max(0, r);
        if (xml) {
          int stop = end ? len : len - LOOKAHEAD;
          for (int i = 0; i < stop; i++) {
            if (buf[i] == '<') {
              byte next = buf[i + 1];
              // '<!' (DOCTYPE, ENTITY, CDATA, comments), '<mergeCell', '<x:mergeCell'
              if (next == '!'
                  || next == 'm'
                  || (worksheet
                      && next != 'c'
                      && next != 'v'
                      && next != '/'
                      && next != 'r'
                      && next != 'f'
                      && next != 'i'
                      && next != 't')) {
                markup(name, buf, i, len, worksheet, merged);
              }
            }
          }
          if (end) {
            break;
          }
          kept = Math.min(LOOKAHEAD, len);
          System.arraycopy(buf, len - kept, buf, 0, kept);
        } else if (end) {
          break;
        }
      }
    }
    return n;
  }

  private static final int LOOKAHEAD = 128;
  private static final byte[] DOCTYPE = "!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENTITY = "!ENTITY".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MERGE_CELL = "mergeCell ".getBytes(StandardCharsets.US_ASCII);

  /** Looks at the markup starting at {@code buf[i] == '<'}. */
  private static void markup(
      String part,
      byte[] buf,
      int i,
      int len,
      boolean worksheet,
      Map<String, Set<CellRange>> merged)
      throws ReturnReadException {
    int j = i + 1;
    if (j < len && buf[j] == '!') {
      if (startsWith(buf, j, len, DOCTYPE, true) || startsWith(buf, j, len, ENTITY, true)) {
        throw new ReturnReadException(
            ReadProblem.XML_ENTITIES,
            "part " + part + " declares a DOCTYPE or entities, which a workbook never needs");
      }
      return;
    }
    if (!worksheet || j >= len || buf[j] == '/') {
      return;
    }
    int k = j;
    while (k < len && k - j < 12 && buf[k] != ':' && buf[k] != ' ' && buf[k] != '>') {
      k++;
    }
    int nameStart = k < len && buf[k] == ':' ? k + 1 : j;
    if (startsWith(buf, nameStart, len, MERGE_CELL, false)) {
      int end = Math.min(len, nameStart + LOOKAHEAD - 16);
      String tag = new String(buf, nameStart, end - nameStart, StandardCharsets.US_ASCII);
      Matcher m = MERGE.matcher("<" + tag);
      if (m.lookingAt()) {
        range(m.group(1))
            .ifPresent(c -> merged.computeIfAbsent(part, p -> new LinkedHashSet<>()).add(c));
      }
    }
  }

  private static boolean startsWith(byte[] buf, int at, int len, byte[] word, boolean ignoreCase) {
    if (at + word.length > len) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      byte b = buf[at + i];
      if (ignoreCase && b >= 'a' && b <= 'z') {
        b = (byte) (b - 32);
      }
      if (b != word[i]) {
        return false;
      }
    }
    return true;
  }

  private static java.util.Optional<CellRange> range(String ref) {
    Matcher m = REF.matcher(ref);
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    int c1 = column(m.group(1));
    int r1 = Integer.parseInt(m.group(2));
    int c2 = m.group(3) == null ? c1 : column(m.group(3));
    int r2 = m.group(4) == null ? r1 : Integer.parseInt(m.group(4));
    return java.util.Optional.of(new CellRange(r1, r2, c1, c2));
  }

  private static int column(String letters) {
    int c = 0;
    for (int i = 0; i < letters.length(); i++) {
      c = c * 26 + (letters.charAt(i) - 'A' + 1);
    }
    return c - 1;
  }

  private static Map<String, List<CellRange>> mergedBySheetName(
      ZipFile zip, Map<String, ZipEntry> entries, Map<String, Set<CellRange>> mergedByPart)
      throws IOException {
    Map<String, List<CellRange>> byName = new HashMap<>();
    if (mergedByPart.isEmpty() || !entries.containsKey("xl/_rels/workbook.xml.rels")) {
      return byName;
    }
    String workbook =
        new String(read(zip, entries.get("xl/workbook.xml"), 4 << 20), StandardCharsets.UTF_8);
    String rels =
        new String(
            read(zip, entries.get("xl/_rels/workbook.xml.rels"), 4 << 20), StandardCharsets.UTF_8);
    Map<String, String> targets = new HashMap<>();
    Matcher rm = REL_TAG.matcher(rels);
    while (rm.find()) {
      Map<String, String> a = attrs(rm.group(1));
      String target = a.getOrDefault("Target", "");
      String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
      targets.put(a.get("Id"), part);
    }
    Matcher sm = SHEET_TAG.matcher(workbook);
    while (sm.find()) {
      Map<String, String> a = attrs(sm.group(1));
      String id =
          a.entrySet().stream()
              .filter(e -> e.getKey().endsWith(":id"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      String name = unescape(a.get("name"));
      Set<CellRange> ranges = mergedByPart.get(targets.get(id));
      if (name != null && ranges != null) {
        byName.put(name, new ArrayList<>(ranges));
      }
    }
    return byName;
  }

  private static Map<String, String> attrs(String text) {
    Map<String, String> a = new HashMap<>();
    Matcher m = ATTR.matcher(text);
    while (m.find()) {
      a.put(m.group(1), m.group(2));
    }
    return a;
  }

  private static String unescape(String s) {
    return s == null
        ? null
        : s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
  }

  private static byte[] read(ZipFile zip, ZipEntry entry, int max) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readNBytes(max);
    }
  }
}
