package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ooxml.util.PackageHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A report workbook opened from the master template. POI holds the template's own sheets (cover,
 * contents, notes, narrative); the table sheets are {@link TableSheet}s, never in POI's model, put
 * into the package when it is written: their sheet parts ({@link TableSheetXml}), their charts'
 * drawing and chart parts ({@link ChartXml}), and in the workbook part their place among the
 * sheets, their named ranges and their print titles.
 */
final class ReportWorkbook extends XSSFWorkbook {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /** A sheet of the workbook in its final order: one of POI's (by name) or a table sheet. */
  record Entry(String name, TableSheet table) {}

  private final List<Entry> order = new ArrayList<>();
  private int firstTableSheetId;

  ReportWorkbook(InputStream template) throws IOException {
    super(PackageHelper.open(template));
  }

  /**
   * Sets the order of the sheets: {@code entries} in workbook order, POI's sheets by name; table
   * sheets are numbered from {@code firstSheetId} (their sheet ids and part names, as POI would
   * have numbered them).
   */
  void order(List<Entry> entries, int firstSheetId) {
    Set<String> names = new HashSet<>();
    for (Entry e : entries) {
      if (!names.add(e.name().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalStateException(
            "The workbook already contains a sheet named '"
                + e.name()
                + "': rename that sheet in the template (table sheets are named 1.1, 1.2...)");
      }
    }
    order.clear();
    order.addAll(entries);
    firstTableSheetId = firstSheetId;
  }

  /** The names of all sheets in their final order. */
  List<String> sheetOrder() {
    return order.stream().map(Entry::name).toList();
  }

  /** As {@link #write(OutputStream)}, with the table sheets put in. */
  void writeReport(OutputStream out) throws IOException {
    boolean tableFirst = !order.isEmpty() && order.get(0).table() != null;
    if (tableFirst && getNumberOfSheets() > 0) {
      getSheetAt(0).setSelected(false);
      order.get(0).table().selected = true;
    }
    onSave(new HashSet<>());
    getProperties().commit();
    try {
      addTableSheets();
    } catch (InvalidFormatException e) {
      throw new IOException("Cannot add the table sheets: " + e.getMessage(), e);
    }
    getPackage().save(out);
  }

  private void addTableSheets() throws IOException, InvalidFormatException {
    OPCPackage pkg = getPackage();
    // the part as committed: a part read from the template's zip is replaced by a new one in
    // the package when POI writes it, and the workbook still holds the old
    PackagePart book = pkg.getPart(getPackagePart().getPartName());
    int nextRel = nextRelationshipNumber(book);
    int sheetNumber = firstTableSheetId;
    int drawingNumber = pkg.getPartsByContentType(XSSFRelation.DRAWINGS.getContentType()).size();
    int chartNumber = pkg.getPartsByContentType(XSSFRelation.CHART.getContentType()).size();
    Map<TableSheet, String[]> ids = new HashMap<>(); // sheet id, relationship id
    for (Entry e : order) {
      TableSheet t = e.table();
      if (t == null) {
        continue;
      }
      PackagePartName partName = name(XSSFRelation.WORKSHEET, sheetNumber);
      while (pkg.containPart(partName)) {
        partName = name(XSSFRelation.WORKSHEET, ++sheetNumber);
      }
      PackagePart part = pkg.createPart(partName, XSSFRelation.WORKSHEET.getContentType());
      String rel = "rId" + nextRel++;
      book.addRelationship(
          partName, TargetMode.INTERNAL, XSSFRelation.WORKSHEET.getRelation(), rel);
      ids.put(t, new String[] {String.valueOf(sheetNumber), rel});
      sheetNumber++;
      if (t.chart != null) {
        PackagePartName drawing = name(XSSFRelation.DRAWINGS, ++drawingNumber);
        while (pkg.containPart(drawing)) {
          drawing = name(XSSFRelation.DRAWINGS, ++drawingNumber);
        }
        PackagePartName chart = name(XSSFRelation.CHART, ++chartNumber);
        while (pkg.containPart(chart)) {
          chart = name(XSSFRelation.CHART, ++chartNumber);
        }
        t.drawingId = "rId1";
        part.addRelationship(
            drawing, TargetMode.INTERNAL, XSSFRelation.DRAWINGS.getRelation(), t.drawingId);
        PackagePart drawingPart = pkg.createPart(drawing, XSSFRelation.DRAWINGS.getContentType());
        drawingPart.addRelationship(
            chart, TargetMode.INTERNAL, XSSFRelation.CHART.getRelation(), ChartXml.CHART_REL);
        write(drawingPart, t.chart.drawing());
        write(pkg.createPart(chart, XSSFRelation.CHART.getContentType()), t.chart.chart());
      }
      try (OutputStream o = part.getOutputStream()) {
        TableSheetXml.write(t, o);
      }
    }
    rewriteBook(book, ids);
  }

  private static PackagePartName name(XSSFRelation relation, int number)
      throws InvalidFormatException {
    return PackagingURIHelper.createPartName(relation.getFileName(number));
  }

  private static void write(PackagePart part, String xml) throws IOException {
    try (OutputStream o = part.getOutputStream()) {
      o.write(xml.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static int nextRelationshipNumber(PackagePart part) throws InvalidFormatException {
    int max = 0;
    for (PackageRelationship r : part.getRelationships()) {
      String id = r.getId();
      if (id.startsWith("rId")) {
        try {
          max = Math.max(max, Integer.parseInt(id.substring(3)));
        } catch (NumberFormatException e) {
          // not a number: never the one chosen
        }
      }
    }
    return max + 1;
  }

  /**
   * The workbook part POI wrote, with the table sheets among its sheets, POI's sheet-level names
   * moved to their sheets' new places, and the tables' names and print titles.
   */
  private void rewriteBook(PackagePart book, Map<TableSheet, String[]> ids) throws IOException {
    Document doc;
    try (InputStream in = book.getInputStream()) {
      doc = PackageXml.parse(in.readAllBytes());
    }
    Element root = doc.getDocumentElement();
    Element sheets = PackageXml.first(root, "sheets");
    Map<String, Element> poiSheets = new HashMap<>();
    List<String> poiOrder = new ArrayList<>();
    for (Element s : PackageXml.children(sheets, "sheet")) {
      poiSheets.put(s.getAttribute("name"), s);
      poiOrder.add(s.getAttribute("name"));
      sheets.removeChild(s);
    }
    Map<String, Integer> position = new HashMap<>();
    for (Entry e : order) {
      position.put(e.name(), position.size());
      Element s;
      if (e.table() == null) {
        s = poiSheets.get(e.name());
      } else {
        String[] id = ids.get(e.table());
        s = doc.createElementNS(MAIN, qualified(root, "sheet"));
        s.setAttribute("name", e.name());
        s.setAttribute("sheetId", id[0]);
        s.setAttributeNS(PackageXml.REL_NS, relPrefix(root) + ":id", id[1]);
      }
      sheets.appendChild(s);
    }
    Element names = PackageXml.first(root, "definedNames");
    if (names == null) {
      names = doc.createElementNS(MAIN, qualified(root, "definedNames"));
      root.insertBefore(names, afterSheets(sheets));
    }
    Set<String> tableNames = new HashSet<>();
    for (Entry e : order) {
      if (e.table() != null && e.table().rangeName != null) {
        tableNames.add(e.table().rangeName.toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Element d : PackageXml.children(names, "definedName")) {
      if (d.hasAttribute("localSheetId")) {
        int poi = Integer.parseInt(d.getAttribute("localSheetId"));
        d.setAttribute("localSheetId", String.valueOf(position.get(poiOrder.get(poi))));
      } else if (tableNames.contains(d.getAttribute("name").toLowerCase(java.util.Locale.ROOT))) {
        names.removeChild(d);
      }
    }
    for (Entry e : order) {
      TableSheet t = e.table();
      if (t != null && t.rangeName != null) {
        names.appendChild(name(doc, root, t.rangeName, t.rangeFormula, -1));
      }
    }
    for (Entry e : order) {
      TableSheet t = e.table();
      if (t != null && t.printTitleRows != null) {
        String sheet = SheetNameFormatter.format(t.name);
        String titles =
            sheet
                + "!$A:$A,"
                + sheet
                + "!$"
                + (t.printTitleRows[0] + 1)
                + ":$"
                + (t.printTitleRows[1] + 1);
        names.appendChild(name(doc, root, "_xlnm.Print_Titles", titles, position.get(t.name)));
      }
    }
    if (!names.hasChildNodes()) {
      root.removeChild(names);
    }
    book.clear();
    try (OutputStream o = book.getOutputStream()) {
      o.write(PackageXml.bytes(doc));
    }
  }

  private static Element name(Document doc, Element root, String name, String refers, int local) {
    Element d = doc.createElementNS(MAIN, qualified(root, "definedName"));
    d.setAttribute("name", name);
    if (local >= 0) {
      d.setAttribute("localSheetId", String.valueOf(local));
    }
    d.setTextContent(refers);
    return d;
  }

  /** The element after which the defined names go (schema order): the first of these, or none. */
  private static Node afterSheets(Element sheets) {
    Set<String> later =
        Set.of(
            "calcPr",
            "oleSize",
            "customWorkbookViews",
            "pivotCaches",
            "smartTagPr",
            "smartTagTypes",
            "webPublishing",
            "fileRecoveryPr",
            "webPublishObjects",
            "extLst");
    for (Node n = sheets.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && later.contains(e.getLocalName())) {
        return n;
      }
    }
    return null;
  }

  private static String qualified(Element root, String local) {
    String prefix = root.getPrefix();
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static String relPrefix(Element root) {
    String prefix = root.lookupPrefix(PackageXml.REL_NS);
    if (prefix == null) {
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:r", PackageXml.REL_NS);
      prefix = "r";
    }
    return prefix;
  }
}
