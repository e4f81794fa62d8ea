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
  private static final int CARRY = 512;

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
    byte[] buf = new byte[64 * 1024];
    String carry = "";
    long n = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
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
        if (xml) {
          String chunk = carry + new String(buf, 0, r, StandardCharsets.ISO_8859_1);
          checkEntities(name, chunk);
          if (worksheet && chunk.contains("mergeCell")) {
            Matcher m = MERGE.matcher(chunk);
            while (m.find()) {
              range(m.group(1))
                  .ifPresent(c -> merged.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(c));
            }
          }
          carry = chunk.length() > CARRY ? chunk.substring(chunk.length() - CARRY) : chunk;
        }
      }
    }
    return n;
  }

  private static void checkEntities(String part, String chunk) throws ReturnReadException {
    int i = chunk.indexOf("<!");
    while (i >= 0) {
      String rest = chunk.substring(i + 2, Math.min(chunk.length(), i + 9)).toUpperCase();
      if (rest.startsWith("DOCTYPE") || rest.startsWith("ENTITY")) {
        throw new ReturnReadException(
            ReadProblem.XML_ENTITIES,
            "part " + part + " declares a DOCTYPE or entities, which a workbook never needs");
      }
      i = chunk.indexOf("<!", i + 2);
    }
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
