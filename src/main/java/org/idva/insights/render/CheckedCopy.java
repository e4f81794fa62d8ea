package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.idva.insights.model.PackageParts;
import org.idva.insights.model.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checked copy of a submitted workbook, made by streaming its package: each worksheet is
 * streamed through {@link CheckedSheet} (values kept, findings marked, formulas replaced by their
 * cached values), the Issues sheet written beforehand in a small workbook of its own is put first,
 * and only the parts a plain workbook of values needs are carried over (workbook, worksheets,
 * shared strings, styles, theme, core properties). Macros, external links, OLE objects, ActiveX
 * controls, data connections, query tables, pivot caches, drawings, hyperlinks, custom XML and
 * anything else never reach the copy. Memory stays bounded whatever the size of the return: a sheet
 * is streamed (its start and what follows its rows held up to 4 MB each, {@link SheetHead}, {@link
 * PlainTail}); the small parts (workbook, styles, relationships) as DOM. The parts the reader
 * already inflated ({@link PackageParts}) are read from there: a return of up to 16 MiB is inflated
 * once. A worksheet with nothing to mark and nothing the copy would leave out or change ({@link
 * UnchangedSheet}), the shared strings, the theme and the core properties go in as they came: their
 * compressed bytes copied from the file, not deflated again, once their bytes are checked against
 * the entry's length and CRC-32.
 */
final class CheckedCopy implements Closeable {
  private static final String OFFICE_DOCUMENT = PackageXml.REL_NS + "/officeDocument";
  private static final String CORE =
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
  private static final String WORKSHEET = PackageXml.REL_NS + "/worksheet";
  private static final String STYLES = PackageXml.REL_NS + "/styles";
  private static final String SHARED_STRINGS = PackageXml.REL_NS + "/sharedStrings";
  private static final String THEME = PackageXml.REL_NS + "/theme";
  private static final String CT = "application/vnd.openxmlformats-officedocument.";

  /** A defined name the copy keeps: plain references to cells of its own sheets, nothing else. */
  private static final Pattern PLAIN_REFERENCE =
      Pattern.compile(
          "(?:(?:'[^'\\[\\]]+'|[A-Za-z_][A-Za-z0-9_.]*)!\\$?[A-Z]{0,3}\\$?[0-9]*"
              + "(?::\\$?[A-Z]{0,3}\\$?[0-9]*)?)(?:,(?:'[^'\\[\\]]+'|[A-Za-z_][A-Za-z0-9_.]*)!"
              + "\\$?[A-Z]{0,3}\\$?[0-9]*(?::\\$?[A-Z]{0,3}\\$?[0-9]*)?)*");

  private final ZipFile zip;

  /** The parts the reader already inflated from the same file: read from here, not the zip. */
  private final PackageParts parts;

  private final String workbookPart;
  private final String corePart;
  private final Map<String, Relationship> workbookRels;
  private final Document workbook;
  private final List<Sheet> sheets = new ArrayList<>();
  private final UnchangedSheet unchanged = new UnchangedSheet(CheckedSheet.DROPPED);

  private record Relationship(String id, String type, String part) {}

  /** A worksheet of the submitted workbook: its name, relationship id and part. */
  private record Sheet(String name, String relId, String part) {}

  private CheckedCopy(Path original, PackageParts parts) throws IOException {
    this.zip = ZipFile.builder().setPath(original).get();
    this.parts = parts;
    try {
      Map<String, Relationship> root = relationships("", "_rels/.rels");
      Relationship doc = ofType(root, OFFICE_DOCUMENT);
      if (doc == null) {
        throw new IOException("no workbook part");
      }
      this.workbookPart = doc.part();
      Relationship core = ofType(root, CORE);
      this.corePart = core == null ? null : core.part();
      this.workbookRels = relationships(folder(workbookPart), relsOf(workbookPart));
      this.workbook = PackageXml.parse(read(workbookPart));
      Element list = PackageXml.first(workbook.getDocumentElement(), "sheets");
      if (list == null) {
        throw new IOException("the workbook lists no sheets");
      }
      for (Element s : PackageXml.children(list, "sheet")) {
        Relationship rel = workbookRels.get(s.getAttributeNS(PackageXml.REL_NS, "id"));
        if (rel != null
            && rel.type().equals(WORKSHEET)
            && zip.getEntry(rel.part()) != null
            && !CellMarks.isIssuesSheet(s.getAttribute("name"))) {
          sheets.add(new Sheet(s.getAttribute("name"), rel.id(), rel.part()));
        }
      }
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /**
   * Opens a submitted .xlsx/.xlsm package (throws when it is not one this copy can read) whose
   * parts {@code parts} holds as the reader inflated them from this file: those are read from
   * there, not inflated again (the same bytes); {@link PackageParts#NONE} reads every part from the
   * file.
   */
  static CheckedCopy open(Path original, PackageParts parts) throws IOException {
    return new CheckedCopy(original, parts);
  }

  /** The names of the worksheets the copy will hold, in order. */
  List<String> sheetNames() {
    return sheets.stream().map(Sheet::name).toList();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /**
   * Writes the copy.
   *
   * @param issues the Issues sheet, put first
   * @param marks per sheet name, the cells with findings
   * @param colours each severity's fill colour (indexed)
   * @return how many formulas were replaced by their values
   */
  int write(
      IssuesSheetWriter.Listing issues,
      Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks,
      Map<Severity, Short> colours,
      OutputStream target)
      throws IOException {
    Relationship styleRel = ofType(workbookRels, STYLES);
    CheckedStyles styles =
        new CheckedStyles(
            styleRel == null ? null : read(styleRel.part()), IssuesSheetWriter.STYLES, colours);

    ZipArchiveOutputStream out = zip(target);
    Map<String, String> contentTypes = new LinkedHashMap<>();
    StringBuilder bookRels = new StringBuilder();
    String issuesPart = "xl/worksheets/idvaIssues1.xml";
    String issuesId = "rIdIdvaIssues1";
    put(out, issuesPart, issues.xml(styles::issues));
    contentTypes.put(issuesPart, CT + "spreadsheetml.worksheet+xml");
    relationship(bookRels, issuesId, WORKSHEET, issuesPart);
    List<String[]> added = new ArrayList<>(); // name, rel id
    added.add(new String[] {issues.name(), issuesId});
    int formulas = 0;
    int drawing = 0;
    for (Sheet s : sheets) {
      Map<Long, String> ours = new HashMap<>();
      Map<Long, String> existing = existingComments(s.part(), ours);
      NavigableMap<Long, CheckedSheet.Mark> marked = marks.getOrDefault(s.name(), new TreeMap<>());
      contentTypes.put(s.part(), CT + "spreadsheetml.worksheet+xml");
      relationship(bookRels, s.relId(), WORKSHEET, s.part());
      if (marked.isEmpty()
          && existing.isEmpty()
          && ours.isEmpty()
          && copiedAsSubmitted(out, s.part(), unchanged::test)) {
        continue; // nothing to mark or leave out: its bytes as they came
      }
      CheckedSheet copy = new CheckedSheet(marked, existing, ours.keySet(), styles);
      out.putArchiveEntry(entry(s.part()));
      try (InputStream in = input(s.part())) {
        copy.copy(in, new KeepOpen(out));
      } catch (XMLStreamException e) {
        throw new IOException(s.part() + ": " + e.getMessage(), e);
      }
      out.closeArchiveEntry();
      formulas += copy.formulas();
      if (!copy.comments().isEmpty()) {
        drawing++;
        String comments = "xl/idvaComments" + drawing + ".xml";
        String vml = "xl/drawings/idvaVml" + drawing + ".vml";
        put(out, comments, CellComments.commentsPart(copy.comments()));
        put(out, vml, CellComments.vmlPart(copy.comments(), drawing));
        contentTypes.put(comments, CT + "spreadsheetml.comments+xml");
        StringBuilder rels = new StringBuilder();
        relationship(rels, "rIdIdvaComments", PackageXml.REL_NS + "/comments", comments);
        relationship(rels, CheckedSheet.VML_REL, PackageXml.REL_NS + "/vmlDrawing", vml);
        put(out, relsOf(s.part()), relationshipsPart(rels));
      }
    }
    for (String type : List.of(SHARED_STRINGS, THEME)) {
      Relationship rel = ofType(workbookRels, type);
      if (rel != null && zip.getEntry(rel.part()) != null) {
        if (!copiedAsSubmitted(out, rel.part(), in -> true)) {
          put(out, rel.part(), read(rel.part()));
        }
        contentTypes.put(
            rel.part(),
            type.equals(THEME) ? CT + "theme+xml" : CT + "spreadsheetml.sharedStrings+xml");
        relationship(bookRels, rel.id(), type, rel.part());
      }
    }
    put(out, workbookPart, workbookXml(added, issues.definedNames()));
    contentTypes.put(workbookPart, CT + "spreadsheetml.sheet.main+xml");
    String stylesPart = styleRel != null ? styleRel.part() : "xl/idvaStyles.xml";
    relationship(bookRels, styleRel != null ? styleRel.id() : "rIdIdvaStyles", STYLES, stylesPart);
    put(out, relsOf(workbookPart), relationshipsPart(bookRels));
    StringBuilder rootRels = new StringBuilder();
    relationship(rootRels, "rId1", OFFICE_DOCUMENT, workbookPart);
    if (corePart != null && zip.getEntry(corePart) != null) {
      if (!copiedAsSubmitted(out, corePart, in -> true)) {
        put(out, corePart, read(corePart));
      }
      contentTypes.put(corePart, "application/vnd.openxmlformats-package.core-properties+xml");
      relationship(rootRels, "rId2", CORE, corePart);
    }
    put(out, "_rels/.rels", relationshipsPart(rootRels));
    put(out, stylesPart, styles.bytes());
    contentTypes.put(stylesPart, CT + "spreadsheetml.styles+xml");
    put(out, "[Content_Types].xml", contentTypes(contentTypes));
    out.close(); // ends the deflater now, not when it is collected; the target stays open
    return formulas;
  }

  /**
   * The workbook part: the Issues sheets first, then the submitted worksheets (other sheet kinds
   * left out); defined names kept only when they are plain references to the copy's own sheets;
   * external references, pivot caches, web publishing, extensions and anything pointing at another
   * part removed; the first sheet active.
   */
  private byte[] workbookXml(List<String[]> added, List<String[]> issuesNames) throws IOException {
    Document doc = (Document) workbook.cloneNode(true);
    Element root = doc.getDocumentElement();
    Element list = PackageXml.first(root, "sheets");
    List<Element> old = PackageXml.children(list, "sheet");
    Map<Integer, Integer> index = new HashMap<>();
    Set<String> kept = new java.util.HashSet<>();
    for (Sheet s : sheets) {
      kept.add(s.relId());
    }
    int maxId = 0;
    int next = added.size();
    for (int i = 0; i < old.size(); i++) {
      Element s = old.get(i);
      String sheetId = s.getAttribute("sheetId");
      if (!sheetId.isEmpty()) {
        maxId = Math.max(maxId, Integer.parseInt(sheetId));
      }
      if (kept.contains(s.getAttributeNS(PackageXml.REL_NS, "id"))) {
        index.put(i, next++);
      } else {
        list.removeChild(s);
      }
    }
    Node firstKept = list.getFirstChild();
    String r = root.lookupPrefix(PackageXml.REL_NS);
    if (r == null) {
      r = "r";
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:r", PackageXml.REL_NS);
    }
    for (String[] a : added) {
      Element s = doc.createElementNS(PackageXml.MAIN_NS, "sheet");
      s.setAttribute("name", a[0]);
      s.setAttribute("sheetId", Integer.toString(++maxId));
      s.setAttributeNS(PackageXml.REL_NS, r + ":id", a[1]);
      list.insertBefore(s, firstKept);
    }
    for (String drop :
        List.of(
            "externalReferences",
            "pivotCaches",
            "extLst",
            "webPublishing",
            "webPublishObjects",
            "oleSize",
            "functionGroups",
            "smartTagPr",
            "smartTagTypes",
            "fileSharing",
            "AlternateContent")) {
      for (Element e : PackageXml.children(root, drop)) {
        root.removeChild(e);
      }
    }
    removeRelationshipHolders(root, list);
    Element names = PackageXml.first(root, "definedNames");
    if (names != null) {
      for (Element d : PackageXml.children(names, "definedName")) {
        String local = d.getAttribute("localSheetId");
        boolean plain = PLAIN_REFERENCE.matcher(d.getTextContent().strip()).matches();
        if (!plain) {
          names.removeChild(d);
        } else if (!local.isEmpty()) {
          Integer now = index.get(Integer.parseInt(local));
          if (now == null) {
            names.removeChild(d);
          } else {
            d.setAttribute("localSheetId", Integer.toString(now));
          }
        }
      }
    }
    if (!issuesNames.isEmpty()) {
      if (names == null) {
        names = doc.createElementNS(PackageXml.MAIN_NS, "definedNames");
        root.insertBefore(names, list.getNextSibling());
      }
      Node at = names.getFirstChild();
      for (String[] d : issuesNames) {
        Element e = doc.createElementNS(PackageXml.MAIN_NS, "definedName");
        e.setAttribute("name", d[0]);
        e.setAttribute("localSheetId", "0");
        if (d[2] != null) {
          e.setAttribute("hidden", d[2]);
        }
        e.setTextContent(d[1]);
        names.insertBefore(e, at);
      }
    }
    Element views = PackageXml.first(root, "bookViews");
    if (views != null) {
      for (Element v : PackageXml.children(views, "workbookView")) {
        v.setAttribute("activeTab", "0");
        v.removeAttribute("firstSheet");
      }
    }
    return PackageXml.bytes(doc);
  }

  /** Removes every element (but the sheets) that refers to another part by relationship id. */
  private static void removeRelationshipHolders(Element e, Element sheets) {
    for (Node c = e.getFirstChild(); c != null; ) {
      Node next = c.getNextSibling();
      if (c instanceof Element child && child != sheets) {
        boolean refers = false;
        var attributes = child.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          if (PackageXml.REL_NS.equals(attributes.item(i).getNamespaceURI())) {
            refers = true;
          }
        }
        if (refers) {
          e.removeChild(child);
        } else {
          removeRelationshipHolders(child, sheets);
        }
      }
      c = next;
    }
  }

  /**
   * The comments a submitted sheet has, as plain text by cell; none when it has none. Comments an
   * earlier check wrote (a checked workbook sent back as the return) go into {@code ours} instead.
   */
  private Map<Long, String> existingComments(String sheetPart, Map<Long, String> ours)
      throws IOException {
    Relationship rel =
        ofType(
            relationships(folder(sheetPart), relsOf(sheetPart)), PackageXml.REL_NS + "/comments");
    Map<Long, String> out = new HashMap<>();
    if (rel == null || zip.getEntry(rel.part()) == null) {
      return out;
    }
    try {
      XMLStreamReader r = PackageXml.reader(new ByteArrayInputStream(read(rel.part())));
      String ref = null;
      String author = null;
      StringBuilder text = null;
      List<String> authors = new ArrayList<>();
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("author")) {
          authors.add(r.getElementText());
        } else if (e == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("comment")) {
          ref = PackageXml.attribute(r, "ref");
          String id = PackageXml.attribute(r, "authorId");
          int a = id == null ? -1 : Integer.parseInt(id);
          author = a >= 0 && a < authors.size() ? authors.get(a) : null;
          text = new StringBuilder();
        } else if (e == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("rPh")) {
          PackageXml.skipElement(r);
        } else if (e == XMLStreamReader.START_ELEMENT
            && r.getLocalName().equals("t")
            && text != null) {
          text.append(r.getElementText());
        } else if (e == XMLStreamReader.END_ELEMENT
            && r.getLocalName().equals("comment")
            && ref != null) {
          org.apache.poi.ss.util.CellReference at = new org.apache.poi.ss.util.CellReference(ref);
          (CellComments.AUTHOR.equals(author) ? ours : out)
              .put(CheckedSheet.key(at.getRow(), at.getCol()), text.toString());
          ref = null;
        }
      }
    } catch (XMLStreamException | IllegalArgumentException e) {
      throw new IOException(rel.part() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** What a part's bytes are tested for before they go into the copy as submitted. */
  @FunctionalInterface
  private interface PartTest {
    /** Whether the part read from {@code in} goes in as it is; it may leave the rest unread. */
    boolean test(InputStream in) throws IOException;
  }

  /**
   * Puts the part into the copy as it came, its compressed bytes as they are in the file (not
   * inflated and deflated again), when {@code test} holds for its bytes (as the reader kept them,
   * else inflated from the file) and those bytes are the file's entry: the same length and CRC-32
   * as its directory gives, stored or deflated, not encrypted. Otherwise writes nothing and returns
   * false.
   */
  private boolean copiedAsSubmitted(ZipArchiveOutputStream out, String part, PartTest test)
      throws IOException {
    ZipArchiveEntry e = zip.getEntry(part);
    if (e == null
        || (e.getMethod() != ZipArchiveEntry.STORED && e.getMethod() != ZipArchiveEntry.DEFLATED)
        || e.getGeneralPurposeBit().usesEncryption()
        || e.getSize() < 0
        || e.getCompressedSize() < 0
        || e.getCrc() < 0) {
      return false;
    }
    try (Tally in = new Tally(input(part))) {
      // the test may close what it reads (a SequenceInputStream closes each stream it ends)
      if (!test.test(
          new FilterInputStream(in) {
            @Override
            public void close() {}
          })) {
        return false;
      }
      in.transferTo(OutputStream.nullOutputStream());
      if (in.bytes != e.getSize() || in.getChecksum().getValue() != e.getCrc()) {
        return false;
      }
    }
    ZipArchiveEntry copy = new ZipArchiveEntry(part);
    copy.setMethod(e.getMethod());
    copy.setSize(e.getSize());
    copy.setCompressedSize(e.getCompressedSize());
    copy.setCrc(e.getCrc());
    copy.setTime(ReturnWorkbookWriter.PART_TIME);
    try (InputStream raw = zip.getRawInputStream(e)) {
      out.addRawArchiveEntry(copy, raw);
    }
    return true;
  }

  /** A part's bytes as they are read: their CRC-32, and how many. */
  private static final class Tally extends CheckedInputStream {
    private long bytes;

    Tally(InputStream in) {
      super(in, new CRC32());
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        bytes += n;
      }
      return n;
    }
  }

  private byte[] read(String part) throws IOException {
    try (InputStream in = input(part)) {
      return in.readAllBytes();
    }
  }

  /** A part's bytes: as the reader kept them, else inflated from the file. */
  private InputStream input(String part) throws IOException {
    ZipArchiveEntry e = zip.getEntry(part);
    if (e == null) {
      throw new IOException("no part " + part);
    }
    InputStream kept = parts.open(part);
    return kept != null ? kept : zip.getInputStream(e);
  }

  private Map<String, Relationship> relationships(String base, String rels) throws IOException {
    return zip.getEntry(rels) == null ? Map.of() : relationships(base, read(rels));
  }

  /** A relationships part's internal relationships by id, targets resolved to part names. */
  private static Map<String, Relationship> relationships(String base, byte[] xml)
      throws IOException {
    Map<String, Relationship> out = new LinkedHashMap<>();
    for (Element r :
        PackageXml.children(PackageXml.parse(xml).getDocumentElement(), "Relationship")) {
      if ("External".equalsIgnoreCase(r.getAttribute("TargetMode"))) {
        continue;
      }
      String id = r.getAttribute("Id");
      out.put(
          id,
          new Relationship(id, r.getAttribute("Type"), resolve(base, r.getAttribute("Target"))));
    }
    return out;
  }

  private static Relationship ofType(Map<String, Relationship> rels, String type) {
    for (Relationship r : rels.values()) {
      if (r.type().equals(type)) {
        return r;
      }
    }
    return null;
  }

  static String resolve(String base, String target) {
    String path = target.startsWith("/") ? target.substring(1) : base + target;
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private static String folder(String part) {
    int slash = part.lastIndexOf('/');
    return slash < 0 ? "" : part.substring(0, slash + 1);
  }

  private static String relsOf(String part) {
    return folder(part) + "_rels/" + part.substring(part.lastIndexOf('/') + 1) + ".rels";
  }

  private static void relationship(StringBuilder b, String id, String type, String part) {
    b.append("<Relationship Id=\"")
        .append(PackageXml.escape(id))
        .append("\" Type=\"")
        .append(type)
        .append("\" Target=\"/")
        .append(PackageXml.escape(part))
        .append("\"/>");
  }

  private static byte[] relationshipsPart(StringBuilder rels) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
            + PackageXml.PKG_REL_NS
            + "\">"
            + rels
            + "</Relationships>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] contentTypes(Map<String, String> overrides) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        .append("<Default Extension=\"rels\"")
        .append(" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        .append("<Default Extension=\"vml\" ContentType=\"")
        .append(CT)
        .append("vmlDrawing\"/>");
    overrides.forEach(
        (part, type) ->
            b.append("<Override PartName=\"/")
                .append(PackageXml.escape(part))
                .append("\" ContentType=\"")
                .append(type)
                .append("\"/>"));
    b.append("</Types>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes a workbook of the Issues sheet alone (for a return that is not copied back): every part
   * stamped with the same fixed time, so the same findings give the same bytes.
   */
  static void issuesOnly(IssuesSheetWriter.Listing issues, OutputStream target) throws IOException {
    ZipArchiveOutputStream out = zip(target);
    String book = "xl/workbook.xml";
    String sheet = "xl/worksheets/sheet1.xml";
    String styles = "xl/styles.xml";
    Map<String, String> contentTypes = new LinkedHashMap<>();
    contentTypes.put(book, CT + "spreadsheetml.sheet.main+xml");
    contentTypes.put(sheet, CT + "spreadsheetml.worksheet+xml");
    contentTypes.put(styles, CT + "spreadsheetml.styles+xml");
    put(out, "[Content_Types].xml", contentTypes(contentTypes));
    StringBuilder rootRels = new StringBuilder();
    relationship(rootRels, "rId1", OFFICE_DOCUMENT, book);
    put(out, "_rels/.rels", relationshipsPart(rootRels));
    StringBuilder names = new StringBuilder();
    for (String[] d : issues.definedNames()) {
      names
          .append("<definedName name=\"")
          .append(d[0])
          .append("\" localSheetId=\"0\"")
          .append(d[2] == null ? "" : " hidden=\"" + d[2] + "\"")
          .append('>')
          .append(PackageXml.escape(d[1]))
          .append("</definedName>");
    }
    put(
        out,
        book,
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
                + PackageXml.MAIN_NS
                + "\" xmlns:r=\""
                + PackageXml.REL_NS
                + "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets><sheet name=\""
                + PackageXml.escape(issues.name())
                + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
                + names
                + "</definedNames></workbook>")
            .getBytes(StandardCharsets.UTF_8));
    StringBuilder bookRels = new StringBuilder();
    relationship(bookRels, "rId1", WORKSHEET, sheet);
    relationship(bookRels, "rId2", STYLES, styles);
    put(out, relsOf(book), relationshipsPart(bookRels));
    put(out, sheet, issues.xml(i -> i));
    put(out, styles, IssuesSheetWriter.STYLES);
    out.close(); // ends the deflater now, not when it is collected; the target stays open
  }

  /**
   * The copy's zip, deflated at level 3: a copy is written for every return received, and at the
   * default level 6 deflating its sheets took longer than streaming them (about 2.5 times as long
   * as level 3, for files 10% smaller).
   */
  private static ZipArchiveOutputStream zip(OutputStream target) {
    ZipArchiveOutputStream out = new ZipArchiveOutputStream(new KeepOpen(target));
    out.setLevel(3);
    return out;
  }

  private static void put(ZipArchiveOutputStream out, String part, byte[] bytes)
      throws IOException {
    out.putArchiveEntry(entry(part));
    out.write(bytes);
    out.closeArchiveEntry();
  }

  private static ZipArchiveEntry entry(String part) {
    ZipArchiveEntry e = new ZipArchiveEntry(part);
    e.setTime(ReturnWorkbookWriter.PART_TIME);
    return e;
  }
}
