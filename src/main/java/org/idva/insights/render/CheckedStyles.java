package org.idva.insights.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The styles part of a checked copy: the submitted return's styles, then the Issues sheet's (taken
 * from the small workbook it was written in, their fonts, fills, borders and number formats
 * renumbered), then one style per (style of a cell with findings, severity): the cell's own style
 * with the severity's solid fill. Built while the sheets are streamed, written after them.
 */
final class CheckedStyles {
  private final Document doc;
  private final Element cellXfs;
  private final List<Element> originalXfs = new ArrayList<>();
  private final int issuesOffset;
  private final Map<Severity, Integer> fills = new HashMap<>();
  private final Map<Long, Integer> marked = new HashMap<>();
  private final Map<Integer, Integer> unfilled = new HashMap<>();
  private final Map<Severity, Short> colours;

  /**
   * @param submitted the return's styles part, or null when it has none
   * @param issues the styles part of the workbook the Issues sheet was written in
   * @param colours the indexed fill colour of each severity
   */
  CheckedStyles(byte[] submitted, byte[] issues, Map<Severity, Short> colours) throws IOException {
    this.colours = Map.copyOf(colours);
    this.doc = PackageXml.parse(submitted != null ? submitted : issues);
    Element root = doc.getDocumentElement();
    this.cellXfs = child(root, "cellXfs", List.of("cellStyles", "dxfs", "tableStyles"));
    for (Element xf : PackageXml.children(cellXfs, "xf")) {
      originalXfs.add(xf);
    }
    if (originalXfs.isEmpty()) {
      Element xf = doc.createElementNS(PackageXml.MAIN_NS, "xf");
      for (String a : List.of("numFmtId", "fontId", "fillId", "borderId", "xfId")) {
        xf.setAttribute(a, "0");
      }
      cellXfs.appendChild(xf);
      originalXfs.add(xf);
    }
    if (submitted == null) {
      this.issuesOffset = 0;
    } else {
      this.issuesOffset = originalXfs.size();
      append(PackageXml.parse(issues).getDocumentElement());
    }
  }

  /** The style index in the copy of the Issues workbook's style {@code index}. */
  int issues(int index) {
    return issuesOffset + index;
  }

  /** The style of a cell with findings whose own style is {@code base}. */
  int marked(int base, Severity severity) {
    int from = base >= 0 && base < originalXfs.size() ? base : 0;
    return marked.computeIfAbsent(
        ((long) from << 8) | severity.ordinal(),
        k -> {
          Element xf = (Element) originalXfs.get(from).cloneNode(true);
          xf.setAttribute("fillId", Integer.toString(fill(severity)));
          xf.setAttribute("applyFill", "1");
          cellXfs.appendChild(xf);
          return count(cellXfs) - 1;
        });
  }

  /**
   * The style {@code base} without the fill an earlier check gave it (a solid fill in one of the
   * severity colours); {@code base} itself when it has no such fill.
   */
  int unfilled(int base) {
    int from = base >= 0 && base < originalXfs.size() ? base : 0;
    Element xf = originalXfs.get(from);
    String fillId = xf.getAttribute("fillId");
    Element fills = PackageXml.first(doc.getDocumentElement(), "fills");
    if (fillId.isEmpty() || fills == null) {
      return from;
    }
    List<Element> all = PackageXml.children(fills, "fill");
    int f = Integer.parseInt(fillId);
    if (f < 0 || f >= all.size()) {
      return from;
    }
    Element pattern = PackageXml.first(all.get(f), "patternFill");
    Element fg = pattern == null ? null : PackageXml.first(pattern, "fgColor");
    if (pattern == null
        || !"solid".equals(pattern.getAttribute("patternType"))
        || fg == null
        || !colours.containsValue(parseShort(fg.getAttribute("indexed")))) {
      return from;
    }
    return unfilled.computeIfAbsent(
        from,
        k -> {
          Element copy = (Element) xf.cloneNode(true);
          copy.setAttribute("fillId", "0");
          copy.removeAttribute("applyFill");
          cellXfs.appendChild(copy);
          return count(cellXfs) - 1;
        });
  }

  private static Short parseShort(String s) {
    try {
      return s.isEmpty() ? null : Short.parseShort(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private int fill(Severity severity) {
    return fills.computeIfAbsent(
        severity,
        s -> {
          Element fills = child(doc.getDocumentElement(), "fills", List.of("borders"));
          Element fill = doc.createElementNS(PackageXml.MAIN_NS, "fill");
          Element pattern = doc.createElementNS(PackageXml.MAIN_NS, "patternFill");
          pattern.setAttribute("patternType", "solid");
          Element fg = doc.createElementNS(PackageXml.MAIN_NS, "fgColor");
          fg.setAttribute("indexed", Short.toString(colours.get(s)));
          pattern.appendChild(fg);
          fill.appendChild(pattern);
          fills.appendChild(fill);
          return count(fills) - 1;
        });
  }

  /** Appends the Issues workbook's fonts, fills, borders, number formats and cell styles. */
  private void append(Element from) {
    Element root = doc.getDocumentElement();
    int fonts = appendAll(from, root, "fonts", "font", List.of("fills", "borders"));
    int fillsAt = appendAll(from, root, "fills", "fill", List.of("borders"));
    int borders = appendAll(from, root, "borders", "border", List.of("cellStyleXfs", "cellXfs"));
    Map<String, String> formats = new HashMap<>();
    Element theirs = PackageXml.first(from, "numFmts");
    if (theirs != null) {
      Element ours = child(root, "numFmts", List.of("fonts"));
      int next = 164;
      for (Element f : PackageXml.children(ours, "numFmt")) {
        next = Math.max(next, Integer.parseInt(f.getAttribute("numFmtId")) + 1);
      }
      for (Element f : PackageXml.children(theirs, "numFmt")) {
        Element copy = (Element) doc.importNode(f, true);
        formats.put(f.getAttribute("numFmtId"), Integer.toString(next));
        copy.setAttribute("numFmtId", Integer.toString(next++));
        ours.appendChild(copy);
      }
      ours.setAttribute("count", Integer.toString(count(ours)));
    }
    Element xfs = PackageXml.first(from, "cellXfs");
    for (Element xf : xfs == null ? List.<Element>of() : PackageXml.children(xfs, "xf")) {
      Element copy = (Element) doc.importNode(xf, true);
      shift(copy, "fontId", fonts);
      shift(copy, "fillId", fillsAt);
      shift(copy, "borderId", borders);
      String format = copy.getAttribute("numFmtId");
      if (formats.containsKey(format)) {
        copy.setAttribute("numFmtId", formats.get(format));
      }
      copy.setAttribute("xfId", "0");
      cellXfs.appendChild(copy);
    }
  }

  private int appendAll(Element from, Element root, String list, String item, List<String> before) {
    Element ours = child(root, list, before);
    int offset = count(ours);
    Element theirs = PackageXml.first(from, list);
    if (theirs != null) {
      for (Element e : PackageXml.children(theirs, item)) {
        ours.appendChild(doc.importNode(e, true));
      }
    }
    ours.setAttribute("count", Integer.toString(count(ours)));
    return offset;
  }

  private static void shift(Element e, String attribute, int by) {
    String v = e.getAttribute(attribute);
    e.setAttribute(attribute, Integer.toString((v.isEmpty() ? 0 : Integer.parseInt(v)) + by));
  }

  byte[] bytes() throws IOException {
    cellXfs.setAttribute("count", Integer.toString(count(cellXfs)));
    Element f = PackageXml.first(doc.getDocumentElement(), "fills");
    if (f != null) {
      f.setAttribute("count", Integer.toString(count(f)));
    }
    return PackageXml.bytes(doc);
  }

  private static int count(Element list) {
    int n = 0;
    for (Node c = list.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element) {
        n++;
      }
    }
    return n;
  }

  /** The named child, created (before the first of {@code before} present) when missing. */
  private Element child(Element parent, String name, List<String> before) {
    Element e = PackageXml.first(parent, name);
    if (e != null) {
      return e;
    }
    e = doc.createElementNS(PackageXml.MAIN_NS, name);
    Node at = null;
    for (String b : before) {
      at = PackageXml.first(parent, b);
      if (at != null) {
        break;
      }
    }
    parent.insertBefore(e, at);
    return e;
  }
}
