package org.idva.insights.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

  private static final Pattern SHEET_TAG = Pattern.compile("<(?:\\w+:)?sheet\\b([^>]*)/?>");
  private static final Pattern ATTR = Pattern.compile("([\\w:]+)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern REL_TAG = Pattern.compile("<Relationship\\b([^>]*)/?>");
  private static final Pattern MERGE = Pattern.compile("<(?:\\w+:)?mergeCell\\s+ref=\"([^\"]+)\"");
  private static final Pattern REF = Pattern.compile("([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?");

  private static final String STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main";

  private final ReadLimits limits;

  ZipInspector(ReadLimits limits) {
    this.limits = limits;
  }

  /**
   * What the inspection found: the merged ranges by sheet name, and, when the parts inflate to at
   * most {@link #KEEP_BYTES}, the parts themselves as inflated and checked (else {@code parts} is
   * null).
   */
  record Inspection(Map<String, List<CellRange>> merged, PackageBytes parts) {}

  /**
   * Up to this many inflated bytes, the inspection keeps the parts it has inflated anyway, and the
   * rows are read from them ({@link SheetRowBytes}): the sheets are not inflated a second time, and
   * the rows come from exactly the bytes that were inspected. Larger returns are read from the file
   * by fastexcel-reader. 16 MiB takes every return of a hundred times the sample (the largest
   * inflate to 9.3 MiB); at 8 MiB one in eighteen of them was read by fastexcel-reader, and `run`
   * took 107.2 s against 102.0 s (docs/performance.md). Two threads reading hold two returns.
   */
  static final long KEEP_BYTES = 16L << 20;

  /** Merged ranges by sheet name. */
  Map<String, List<CellRange>> inspect(Path file) throws ReturnReadException {
    return inspect(file, 0).merged();
  }

  /** Merged ranges by sheet name, and the parts when they inflate to at most {@code keep} bytes. */
  Inspection inspect(Path file, long keep) throws ReturnReadException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Map<String, ZipEntry> entries = new HashMap<>();
      int count = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entries.put(entry.getName(), entry) != null) {
          // Readers disagree on which of two same-named parts they read: refuse rather than guess.
          throw new ReturnReadException(
              ReadProblem.CORRUPT, "the file holds two parts named " + entry.getName());
        }
        if (++count > limits.parts()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              "the file holds over "
                  + String.format("%,d", limits.parts())
                  + " parts; no return needs that many ("
                  + ReadLimits.limit("parts", limits.parts())
                  + ")");
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
      if (entries.containsKey("xl/workbook.bin")) {
        throw new ReturnReadException(
            ReadProblem.NOT_A_WORKBOOK,
            "the file is an Excel Binary Workbook (.xlsb), which cannot be read");
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
      workbookPart(zip, entries.get("xl/workbook.xml"));
      Map<String, Set<CellRange>> mergedByPart = new HashMap<>();
      long total = 0;
      long declared = 0;
      for (ZipEntry entry : entries.values()) {
        declared += Math.max(0, entry.getSize());
      }
      Map<String, PackageBytes.Part> parts = declared <= keep ? new HashMap<>() : null;
      byte[] buf = new byte[BUFFER + LOOKAHEAD + LOOKBACK];
      for (ZipEntry entry : entries.values()) {
        Copy copy =
            parts == null
                ? null
                : new Copy((int) Math.min(keep, Math.max(0, entry.getSize())), keep);
        long n = scan(zip, entry, buf, mergedByPart, copy);
        total += n;
        if (total > limits.totalBytes()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              "the file expands to over "
                  + String.format("%,d", limits.totalBytes())
                  + " bytes ("
                  + ReadLimits.limit("total-bytes", limits.totalBytes())
                  + ")");
        }
        if (parts != null && total <= keep && !copy.overflowed()) {
          parts.put(entry.getName(), new PackageBytes.Part(copy.buf(), copy.size()));
        } else {
          parts = null;
        }
      }
      Map<String, List<CellRange>> merged = mergedBySheetName(zip, entries, mergedByPart);
      if (parts == null) {
        return new Inspection(merged, null);
      }
      return new Inspection(merged, new PackageBytes(parts));
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

  /**
   * A byte buffer whose array can be handed on without a copy. Given a cap, it stops keeping bytes
   * once more than the cap were written (a part whose size header lies), so it never grows past it.
   */
  private static final class Copy extends ByteArrayOutputStream {
    private final long cap;
    private boolean overflowed;

    Copy(int size, long cap) {
      super(Math.max(32, size));
      this.cap = cap;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (overflowed) {
        return;
      }
      if (count + (long) len > cap) {
        overflowed = true;
        buf = new byte[0];
        count = 0;
        return;
      }
      super.write(b, off, len);
    }

    boolean overflowed() {
      return overflowed;
    }

    byte[] buf() {
      return buf;
    }
  }

  private long scan(
      ZipFile zip, ZipEntry entry, byte[] buf, Map<String, Set<CellRange>> merged, Copy copy)
      throws IOException {
    String name = entry.getName();
    boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
    boolean worksheet = name.startsWith("xl/worksheets/") && name.endsWith(".xml");
    boolean sharedStrings = name.toLowerCase(java.util.Locale.ROOT).endsWith("sharedstrings.xml");
    long compressed = Math.max(1, entry.getCompressedSize());
    Prolog prolog = xml ? new Prolog(name) : null;
    int kept = 0;
    int from = 0;
    long n = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      while (true) {
        int r = in.readNBytes(buf, kept, buf.length - kept);
        boolean end = r <= 0;
        n += Math.max(0, r);
        if (n > limits.partBytes()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              "part "
                  + name
                  + " expands beyond "
                  + String.format("%,d", limits.partBytes())
                  + " bytes (a zip bomb; "
                  + ReadLimits.limit("part-bytes", limits.partBytes())
                  + ")");
        }
        if (n > limits.ratioFloorBytes() && (double) n / compressed > limits.ratio()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              String.format(
                  "part %s expands beyond %,d bytes from %,d, over %,d times (a zip bomb; %s)",
                  name,
                  n,
                  compressed,
                  (long) limits.ratio(),
                  ReadLimits.limit("ratio", (long) limits.ratio())));
        }
        if (sharedStrings && n > limits.sharedStringsBytes()) {
          throw new ReturnReadException(
              ReadProblem.TOO_LARGE,
              String.format(
                  "the shared strings table %s expands beyond %,d bytes (%s)",
                  name,
                  limits.sharedStringsBytes(),
                  ReadLimits.limit("shared-strings-bytes", limits.sharedStringsBytes())));
        }
        int len = kept + Math.max(0, r);
        if (copy != null) {
          copy.write(buf, kept, len - kept);
        }
        if (prolog != null && !prolog.done()) {
          prolog.feed(buf, kept, len);
        }
        if (!worksheet) {
          // Counted to the end (the size limits, and the zip's CRC check at the end of each part),
          // but only the prolog is looked at.
          if (end) {
            break;
          }
          continue;
        }
        mergeCells(name, buf, from, end ? len : len - LOOKAHEAD, len, merged);
        if (end) {
          break;
        }
        kept = Math.min(LOOKAHEAD + LOOKBACK, len);
        from = Math.max(0, kept - LOOKAHEAD);
        System.arraycopy(buf, len - kept, buf, 0, kept);
      }
    }
    return n;
  }

  /**
   * Refuses a Strict Open XML workbook (a different XML vocabulary the reader does not know) and a
   * workbook with more sheets than the limit, from the start of {@code xl/workbook.xml}.
   */
  private void workbookPart(ZipFile zip, ZipEntry entry) throws IOException {
    String head = new String(read(zip, entry, 1 << 20), StandardCharsets.UTF_8);
    if (head.contains(STRICT_NAMESPACE)) {
      throw new ReturnReadException(
          ReadProblem.STRICT_OPEN_XML,
          "the workbook is saved as Strict Open XML Spreadsheet, not as an Excel Workbook");
    }
    long sheets = SHEET_TAG.matcher(head).results().count();
    if (sheets > limits.sheets()) {
      throw new ReturnReadException(
          ReadProblem.TOO_LARGE,
          String.format(
              "the workbook has over %,d sheets (%s)",
              limits.sheets(), ReadLimits.limit("sheets", limits.sheets())));
    }
  }

  /** Bytes after a match start that must be in the buffer: the whole {@code <mergeCell>} tag. */
  private static final int LOOKAHEAD = 128;

  /** Bytes before a match that must be in the buffer: {@code <} and a namespace prefix. */
  private static final int LOOKBACK = 16;

  private static final int BUFFER = 64 * 1024;
  private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);

  /** Where the rare capital C is in {@code mergeCell}: the byte the search looks for. */
  private static final int C_AT = 5;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Collects the {@code <mergeCell ref="..."/>} tags (with or without a namespace prefix) that
   * start in {@code buf[from, stop)}. A sheet's XML has few capital Cs, so the search looks at
   * eight bytes at a time for one (the has-zero-byte trick on the bytes XOR 'C'), and only then
   * compares the whole name.
   */
  private static void mergeCells(
      String part, byte[] buf, int from, int stop, int len, Map<String, Set<CellRange>> merged) {
    int end = Math.min(stop, len - MERGE_CELL.length) + C_AT; // exclusive bound for the C
    int i = from + C_AT;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long v = (long) LONGS.get(buf, i) ^ 0x4343434343434343L;
      long zero = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
      while (zero != 0) {
        int start = i + (Long.numberOfTrailingZeros(zero) >>> 3) - C_AT;
        if (isMergeCellTag(buf, start, len)) {
          mergeCell(part, buf, start, len, merged);
        }
        zero &= zero - 1;
      }
    }
    for (; i < end; i++) {
      if (buf[i] == 'C' && isMergeCellTag(buf, i - C_AT, len)) {
        mergeCell(part, buf, i - C_AT, len, merged);
      }
    }
  }

  /** Whether {@code mergeCell} at {@code i} is a tag name: after {@code <} or {@code <x:}. */
  private static boolean isMergeCellTag(byte[] buf, int i, int len) {
    for (int k = 0; k < MERGE_CELL.length; k++) {
      if (buf[i + k] != MERGE_CELL[k]) {
        return false;
      }
    }
    byte after = buf[i + MERGE_CELL.length];
    if (after != ' ' && after != '\t' && after != '\r' && after != '\n') {
      return false;
    }
    if (i > 0 && buf[i - 1] == '<') {
      return true;
    }
    if (i == 0 || buf[i - 1] != ':') {
      return false;
    }
    for (int k = i - 2; k >= 0 && k >= i - LOOKBACK; k--) {
      byte c = buf[k];
      if (c == '<') {
        return k < i - 2;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return false;
  }

  private static void mergeCell(
      String part, byte[] buf, int i, int len, Map<String, Set<CellRange>> merged) {
    int end = Math.min(len, i + LOOKAHEAD - 16);
    String tag = new String(buf, i, end - i, StandardCharsets.US_ASCII);
    Matcher m = MERGE.matcher("<" + tag);
    if (m.lookingAt()) {
      range(m.group(1))
          .ifPresent(c -> merged.computeIfAbsent(part, p -> new LinkedHashSet<>()).add(c));
    }
  }

  /**
   * Reads an XML part's prolog (everything before the root element's start tag), byte by byte as it
   * streams past, and refuses a DOCTYPE or ENTITY declaration in it. A DOCTYPE, and so any entity
   * declaration, can only come before the root element: after it, it is not well-formed XML and the
   * parser (which has DTDs and external entities switched off as well) refuses the part. NUL bytes
   * are skipped, so a UTF-16 or UTF-32 part is read as its ASCII characters.
   */
  static final class Prolog {
    private static final byte[] DOCTYPE = "DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "ENTITY".getBytes(StandardCharsets.US_ASCII);

    private enum State {
      TEXT,
      LT,
      PI,
      PI_END,
      BANG,
      COMMENT,
      COMMENT_DASH,
      COMMENT_DASH_DASH,
      DECLARATION,
      DONE
    }

    private final String part;
    private State state = State.TEXT;
    private final byte[] word = new byte[DOCTYPE.length];
    private int wordLength;

    Prolog(String part) {
      this.part = part;
    }

    boolean done() {
      return state == State.DONE;
    }

    void feed(byte[] buf, int from, int to) throws ReturnReadException {
      for (int i = from; i < to && state != State.DONE; i++) {
        byte b = buf[i];
        if (b != 0) {
          step(b);
        }
      }
    }

    private void step(byte b) throws ReturnReadException {
      switch (state) {
        case TEXT -> {
          if (b == '<') {
            state = State.LT;
          }
        }
        case LT -> {
          if (b == '?') {
            state = State.PI;
          } else if (b == '!') {
            state = State.BANG;
            wordLength = 0;
          } else {
            state = State.DONE; // the root element's start tag
          }
        }
        case PI -> state = b == '?' ? State.PI_END : State.PI;
        case PI_END -> state = b == '>' ? State.TEXT : b == '?' ? State.PI_END : State.PI;
        case BANG -> bang(b);
        case COMMENT -> state = b == '-' ? State.COMMENT_DASH : State.COMMENT;
        case COMMENT_DASH -> state = b == '-' ? State.COMMENT_DASH_DASH : State.COMMENT;
        case COMMENT_DASH_DASH ->
            state = b == '>' ? State.TEXT : b == '-' ? State.COMMENT_DASH_DASH : State.COMMENT;
        case DECLARATION -> state = b == '>' ? State.TEXT : State.DECLARATION;
        case DONE -> {
          // nothing more to look at
        }
      }
    }

    /** After {@code <!}: a comment, or a declaration, refused when it is DOCTYPE or ENTITY. */
    private void bang(byte b) throws ReturnReadException {
      if (wordLength == 0 && b == '-') {
        word[wordLength++] = b;
        return;
      }
      if (wordLength == 1 && word[0] == '-') {
        state = b == '-' ? State.COMMENT : State.DECLARATION;
        return;
      }
      word[wordLength++] = (byte) (b >= 'a' && b <= 'z' ? b - 32 : b);
      if (matches(DOCTYPE) || matches(ENTITY)) {
        throw new ReturnReadException(
            ReadProblem.XML_ENTITIES,
            "part " + part + " declares a DOCTYPE or entities, which a workbook never needs");
      }
      if (!prefixOf(DOCTYPE) && !prefixOf(ENTITY)) {
        state = b == '>' ? State.TEXT : State.DECLARATION;
      }
    }

    private boolean matches(byte[] w) {
      return wordLength == w.length && prefixOf(w);
    }

    private boolean prefixOf(byte[] w) {
      if (wordLength > w.length) {
        return false;
      }
      for (int i = 0; i < wordLength; i++) {
        if (word[i] != w[i]) {
          return false;
        }
      }
      return true;
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
