package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
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
 * anything else never reach the copy. Memory stays small whatever the size of the return: one XML
 * event at a time for the sheets; the small parts (workbook, styles, relationships) as DOM.
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
  private final String workbookPart;
  private final String corePart;
  private final Map<String, Relationship> workbookRels;
  private final Document workbook;
  private final List<Sheet> sheets = new ArrayList<>();

  private record Relationship(String id, String type, String part) {}

  /** A worksheet of the submitted workbook: its name, relationship id and part. */
  private record Sheet(String name, String relId, String part) {}

  private CheckedCopy(Path original) throws IOException {
    this.zip = new ZipFile(original.toFile());
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

  /** Opens a submitted .xlsx/.xlsm package; throws when it is not one this copy can read. */
  static CheckedCopy open(Path original) throws IOException {
    return new CheckedCopy(original);
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
   * @param issues the workbook (as bytes) holding the sheets to put first: the Issues sheet
   * @param marks per sheet name, the cells with findings
   * @param colours each severity's fill colour (indexed)
   * @return how many formulas were replaced by their values
   */
  int write(
      byte[] issues,
      Map<String, NavigableMap<Long, CheckedSheet.Mark>> marks,
      Map<Severity, Short> colours,
      OutputStream target)
      throws IOException {
    Map<String, byte[]> mini = unzip(issues);
    Map<String, Relationship> miniRoot = relationships("", "_rels/.rels", mini);
    String miniBook = ofType(miniRoot, OFFICE_DOCUMENT).part();
    Map<String, Relationship> miniRels = relationships(folder(miniBook), relsOf(miniBook), mini);
    Document miniWorkbook = PackageXml.parse(mini.get(miniBook));
    Relationship styleRel = ofType(workbookRels, STYLES);
    CheckedStyles styles =
        new CheckedStyles(
            styleRel == null ? null : read(styleRel.part()),
            mini.get(ofType(miniRels, STYLES).part()),
            colours);
    Relationship miniStrings = ofType(miniRels, SHARED_STRINGS);
    List<String> strings =
        miniStrings == null ? List.of() : sharedStrings(mini.get(miniStrings.part()));

    ZipOutputStream out = new ZipOutputStream(new KeepOpen(target));
    Map<String, String> contentTypes = new LinkedHashMap<>();
    StringBuilder bookRels = new StringBuilder();
    List<Element> miniSheets =
        PackageXml.children(PackageXml.first(miniWorkbook.getDocumentElement(), "sheets"), "sheet");
    List<String[]> added = new ArrayList<>(); // name, rel id
    int n = 0;
    for (Element s : miniSheets) {
      Relationship rel = miniRels.get(s.getAttributeNS(PackageXml.REL_NS, "id"));
      String part = "xl/worksheets/idvaIssues" + (++n) + ".xml";
      String id = "rIdIdvaIssues" + n;
      put(out, part, issuesSheet(mini.get(rel.part()), strings, styles));
      contentTypes.put(part, CT + "spreadsheetml.worksheet+xml");
      relationship(bookRels, id, WORKSHEET, part);
      added.add(new String[] {s.getAttribute("name"), id});
    }
    int formulas = 0;
    int drawing = 0;
    for (Sheet s : sheets) {
      Map<Long, String> ours = new HashMap<>();
      Map<Long, String> existing = existingComments(s.part(), ours);
      CheckedSheet copy =
          new CheckedSheet(
              marks.getOrDefault(s.name(), new TreeMap<>()), existing, ours.keySet(), styles);
      out.putNextEntry(entry(s.part()));
      try (InputStream in = zip.getInputStream(zip.getEntry(s.part()))) {
        copy.copy(in, new KeepOpen(out));
      } catch (XMLStreamException e) {
        throw new IOException(s.part() + ": " + e.getMessage(), e);
      }
      out.closeEntry();
      contentTypes.put(s.part(), CT + "spreadsheetml.worksheet+xml");
      relationship(bookRels, s.relId(), WORKSHEET, s.part());
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
        put(out, rel.part(), read(rel.part()));
        contentTypes.put(
            rel.part(),
            type.equals(THEME) ? CT + "theme+xml" : CT + "spreadsheetml.sharedStrings+xml");
        relationship(bookRels, rel.id(), type, rel.part());
      }
    }
    put(out, workbookPart, workbookXml(added, miniWorkbook));
    contentTypes.put(workbookPart, CT + "spreadsheetml.sheet.main+xml");
    String stylesPart = styleRel != null ? styleRel.part() : "xl/idvaStyles.xml";
    relationship(bookRels, styleRel != null ? styleRel.id() : "rIdIdvaStyles", STYLES, stylesPart);
    put(out, relsOf(workbookPart), relationshipsPart(bookRels));
    StringBuilder rootRels = new StringBuilder();
    relationship(rootRels, "rId1", OFFICE_DOCUMENT, workbookPart);
    if (corePart != null && zip.getEntry(corePart) != null) {
      put(out, corePart, read(corePart));
      contentTypes.put(corePart, "application/vnd.openxmlformats-package.core-properties+xml");
      relationship(rootRels, "rId2", CORE, corePart);
    }
    put(out, "_rels/.rels", relationshipsPart(rootRels));
    put(out, stylesPart, styles.bytes());
    contentTypes.put(stylesPart, CT + "spreadsheetml.styles+xml");
    put(out, "[Content_Types].xml", contentTypes(contentTypes));
    out.finish();
    return formulas;
  }

  /**
   * The workbook part: the Issues sheets first, then the submitted worksheets (other sheet kinds
   * left out); defined names kept only when they are plain references to the copy's own sheets;
   * external references, pivot caches, web publishing, extensions and anything pointing at another
   * part removed; the first sheet active.
   */
  private byte[] workbookXml(List<String[]> added, Document miniWorkbook) throws IOException {
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
    Element theirs = PackageXml.first(miniWorkbook.getDocumentElement(), "definedNames");
    if (theirs != null && !PackageXml.children(theirs, "definedName").isEmpty()) {
      if (names == null) {
        names = doc.createElementNS(PackageXml.MAIN_NS, "definedNames");
        root.insertBefore(names, list.getNextSibling());
      }
      Node at = names.getFirstChild();
      for (Element d : PackageXml.children(theirs, "definedName")) {
        names.insertBefore(doc.importNode(d, true), at);
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
   * The Issues sheet of the small workbook, moved into the copy: its strings written inline (the
   * copy keeps the return's shared strings as they were) and its styles renumbered.
   */
  private static byte[] issuesSheet(byte[] xml, List<String> strings, CheckedStyles styles)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(xml.length + 1024);
    try {
      XMLStreamReader r = PackageXml.reader(new ByteArrayInputStream(xml));
      XMLStreamWriter w = PackageXml.writer(bytes);
      w.writeStartDocument("UTF-8", "1.0");
      while (r.hasNext()) {
        int e = r.next();
        if (e != XMLStreamReader.START_ELEMENT) {
          PackageXml.copySimple(r, w);
          continue;
        }
        String name = r.getLocalName();
        if (PackageXml.hasRelationship(r)) {
          PackageXml.skipElement(r);
        } else if (name.equals("c")) {
          issuesCell(r, w, strings, styles);
        } else {
          String styleAttribute = name.equals("row") ? "s" : name.equals("col") ? "style" : null;
          PackageXml.startElement(r, w);
          PackageXml.copyNamespaces(r, w);
          for (int i = 0; i < r.getAttributeCount(); i++) {
            if (styleAttribute != null
                && r.getAttributeLocalName(i).equals(styleAttribute)
                && PackageXml.isEmpty(r.getAttributeNamespace(i))) {
              w.writeAttribute(
                  styleAttribute,
                  Integer.toString(styles.issues(Integer.parseInt(r.getAttributeValue(i)))));
            } else {
              PackageXml.copyAttribute(r, w, i);
            }
          }
        }
      }
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("Issues sheet: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  private static void issuesCell(
      XMLStreamReader r, XMLStreamWriter w, List<String> strings, CheckedStyles styles)
      throws XMLStreamException {
    String type = PackageXml.attribute(r, "t");
    String style = PackageXml.attribute(r, "s");
    boolean shared = "s".equals(type);
    w.writeStartElement(PackageXml.MAIN_NS, "c");
    w.writeAttribute("r", PackageXml.attribute(r, "r"));
    w.writeAttribute(
        "s", Integer.toString(styles.issues(style == null ? 0 : Integer.parseInt(style))));
    if (type != null) {
      w.writeAttribute("t", shared ? "inlineStr" : type);
    }
    while (true) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT) {
        String name = r.getLocalName();
        String text = r.getElementText();
        if (name.equals("v") && shared) {
          w.writeStartElement(PackageXml.MAIN_NS, "is");
          w.writeStartElement(PackageXml.MAIN_NS, "t");
          w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
          w.writeCharacters(strings.get(Integer.parseInt(text.strip())));
          w.writeEndElement();
          w.writeEndElement();
        } else if (name.equals("v")) {
          w.writeStartElement(PackageXml.MAIN_NS, "v");
          w.writeCharacters(text);
          w.writeEndElement();
        }
      } else if (e == XMLStreamReader.END_ELEMENT) {
        w.writeEndElement();
        return;
      }
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

  /** The texts of a shared-strings part, in order (runs joined, phonetic hints left out). */
  private static List<String> sharedStrings(byte[] xml) throws IOException {
    List<String> out = new ArrayList<>();
    try {
      XMLStreamReader r = PackageXml.reader(new ByteArrayInputStream(xml));
      StringBuilder b = null;
      boolean phonetic = false;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamReader.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "si" -> b = new StringBuilder();
            case "rPh" -> phonetic = true;
            case "t" -> {
              String t = r.getElementText();
              if (b != null && !phonetic) {
                b.append(t);
              }
            }
            default -> {}
          }
        } else if (e == XMLStreamReader.END_ELEMENT) {
          if (r.getLocalName().equals("si") && b != null) {
            out.add(b.toString());
            b = null;
          } else if (r.getLocalName().equals("rPh")) {
            phonetic = false;
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("shared strings: " + e.getMessage(), e);
    }
    return out;
  }

  private byte[] read(String part) throws IOException {
    ZipEntry e = zip.getEntry(part);
    if (e == null) {
      throw new IOException("no part " + part);
    }
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    }
  }

  private Map<String, Relationship> relationships(String base, String rels) throws IOException {
    return zip.getEntry(rels) == null ? Map.of() : relationships(base, read(rels));
  }

  private static Map<String, Relationship> relationships(
      String base, String rels, Map<String, byte[]> parts) throws IOException {
    byte[] xml = parts.get(rels);
    return xml == null ? Map.of() : relationships(base, xml);
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
   * Writes a workbook made by POI again with every part stamped with the same fixed time, so the
   * same findings give the same bytes whenever they are written.
   */
  static void restamp(byte[] workbook, OutputStream target) throws IOException {
    ZipOutputStream out = new ZipOutputStream(new KeepOpen(target));
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        put(out, e.getName(), in.readAllBytes());
      }
    }
    out.finish();
  }

  private static void put(ZipOutputStream out, String part, byte[] bytes) throws IOException {
    out.putNextEntry(entry(part));
    out.write(bytes);
    out.closeEntry();
  }

  private static ZipEntry entry(String part) {
    ZipEntry e = new ZipEntry(part);
    e.setTime(ReturnWorkbookWriter.PART_TIME);
    return e;
  }

  private static Map<String, byte[]> unzip(byte[] zipped) throws IOException {
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipped))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  /** An output stream whose close only flushes: the zip stays open for the next part. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
