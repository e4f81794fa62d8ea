package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * One worksheet of a submitted return, streamed into its checked copy: every value kept, every cell
 * with a finding given a coloured style, and nothing active carried over. A formula is replaced by
 * its cached value (and the cell noted in a comment); hyperlinks, drawings, OLE objects, controls,
 * tables, comments and anything else that points at another part are left out. The cells' comments
 * (findings and formula notes) are collected for {@link CellComments}.
 */
final class CheckedSheet {
  /** The relationship id of the comments' VML drawing in the copied sheet's relationships. */
  static final String VML_REL = "rIdIdvaVml";

  /** Children that come after {@code legacyDrawing} in a worksheet: it goes before the first. */
  private static final Set<String> AFTER_LEGACY_DRAWING =
      Set.of(
          "legacyDrawingHF",
          "drawingHF",
          "picture",
          "oleObjects",
          "controls",
          "webPublishItems",
          "tableParts",
          "extLst",
          "AlternateContent");

  /** Children of a worksheet that never reach the copy: those, and these. */
  static final Set<String> DROPPED = dropped();

  private static Set<String> dropped() {
    Set<String> all = new java.util.HashSet<>(AFTER_LEGACY_DRAWING);
    all.addAll(
        Set.of(
            "hyperlinks",
            "drawing",
            "legacyDrawing",
            "customProperties",
            "smartTags",
            "cellWatches"));
    return Set.copyOf(all);
  }

  /** A cell's key: 0-based row and column in one long, in sheet order. */
  static long key(int row0, int col0) {
    return ((long) row0 << 20) | col0;
  }

  static int row(long key) {
    return (int) (key >>> 20);
  }

  static int col(long key) {
    return (int) (key & 0xFFFFF);
  }

  /** What one cell with findings gets: the fill of its most serious finding and its comment. */
  record Mark(Severity severity, String comment) {}

  private final NavigableMap<Long, Mark> marks;

  /** Cells an earlier check had marked (a checked workbook sent back): their colour goes. */
  private final Set<Long> earlierMarks;

  /** The rows (0-based) of {@link #earlierMarks}. */
  private final Set<Integer> earlierRows;

  private final CheckedStyles styles;
  private final TreeMap<Long, String> comments = new TreeMap<>();
  private final Map<Integer, Integer> columnStyles = new HashMap<>();
  private int formulas;

  /** Whether rows with nothing to change are copied as they are ({@link SheetDataBytes}). */
  private boolean plainRowsAsTheyAre = true;

  /** How many rows {@link #copy} copied as they were. */
  private int plainRows;

  /** Whether what follows the rows is copied as it is when {@link PlainTail} finds it plain. */
  private boolean plainTailAsItIs = true;

  /** Whether {@link #copy} copied what follows the rows as it was. */
  private boolean tailAsItWas;

  /**
   * The prefix the root's name has (its namespace being the spreadsheet one): the elements the copy
   * adds take it too, so a sheet written with {@code x:} names gets {@code x:c}, not an unbound
   * namespace.
   */
  private String mainPrefix = "";

  /**
   * @param marks the cells with findings
   * @param existing the comments the submitted sheet already had (kept, the findings added below)
   * @param earlierMarks the cells an earlier check had marked: their fill is taken off
   */
  CheckedSheet(
      NavigableMap<Long, Mark> marks,
      Map<Long, String> existing,
      Set<Long> earlierMarks,
      CheckedStyles styles) {
    this.marks = new TreeMap<>(marks);
    this.earlierMarks = Set.copyOf(earlierMarks);
    this.earlierRows = earlierMarks.stream().map(CheckedSheet::row).collect(Collectors.toSet());
    this.styles = styles;
    comments.putAll(existing);
    marks.forEach((k, m) -> comments.merge(k, m.comment(), (a, b) -> a + "\n\n" + b));
  }

  /** The comments the copied sheet carries, by cell key; filled by {@link #copy}. */
  NavigableMap<Long, String> comments() {
    return comments;
  }

  /**
   * Turns the copy of unchanged rows as they are on or off (on unless turned off): the copy is the
   * same either way, only slower without; the tests compare the two.
   */
  CheckedSheet plainRowsAsTheyAre(boolean on) {
    plainRowsAsTheyAre = on;
    return this;
  }

  /**
   * Turns the copy of a plain tail as it is on or off (on unless turned off): the copy has the same
   * elements, attributes and text either way; the tests compare the two.
   */
  CheckedSheet plainTailAsItIs(boolean on) {
    plainTailAsItIs = on;
    return this;
  }

  /** Whether what follows the rows was copied as it was, not event by event. */
  boolean tailAsItWas() {
    return tailAsItWas;
  }

  /** How many rows the byte-level copy copied as they were, not cell by cell. */
  int plainRows() {
    return plainRows;
  }

  /** How many formulas were replaced by their values. */
  int formulas() {
    return formulas;
  }

  /**
   * Streams the worksheet from {@code in} to {@code out}: its rows byte by byte ({@link
   * SheetDataBytes}) when {@link SheetHead} finds them plain enough, everything else by events.
   */
  void copy(InputStream in, OutputStream out) throws XMLStreamException, IOException {
    SheetHead head = SheetHead.read(new XmlBytes(in));
    if (!head.rowsByBytes()) {
      copyByEvents(head.whole(), out);
      return;
    }
    copy(PackageXml.reader(head.head()), out, head);
  }

  /** Streams the worksheet from {@code in} to {@code out} by XML events only. */
  void copyByEvents(InputStream in, OutputStream out) throws XMLStreamException, IOException {
    copy(PackageXml.reader(in), out, null);
  }

  /**
   * The event copy. With a head, the reader holds the part up to its rows: they are copied byte by
   * byte where the sheetData start tag is met, and the events go on from the head's tail.
   */
  private void copy(XMLStreamReader r, OutputStream out, SheetHead head)
      throws XMLStreamException, IOException {
    XMLStreamWriter w = PackageXml.writer(out);
    w.writeStartDocument("UTF-8", "1.0");
    int depth = 0;
    boolean pastData = false;
    boolean drawingWritten = false;
    String relPrefix = null;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT) {
        String name = r.getLocalName();
        if (depth == 0) {
          PackageXml.copyStart(r, w, null);
          relPrefix = declaredPrefix(r, PackageXml.REL_NS);
          mainPrefix = PackageXml.isEmpty(r.getPrefix()) ? "" : r.getPrefix();
          if (relPrefix == null) {
            relPrefix = "idvar";
            w.writeNamespace(relPrefix, PackageXml.REL_NS);
          }
          depth++;
          continue;
        }
        if (depth == 1) {
          if (pastData && !drawingWritten && AFTER_LEGACY_DRAWING.contains(name)) {
            drawingWritten = legacyDrawing(w, relPrefix);
          }
          if (DROPPED.contains(name)) {
            PackageXml.skipElement(r);
            continue;
          }
          if (name.equals("sheetData") && head != null) {
            PackageXml.copyStart(r, w, null);
            w.writeCharacters(""); // closes the start tag before the rows go straight to out
            w.flush();
            ByteOut bytes = new ByteOut(out);
            SheetDataBytes rows = new SheetDataBytes(head.x(), bytes, this, plainRowsAsTheyAre);
            rows.copy();
            plainRows = rows.plainRows();
            bytes.flush();
            w.writeEndElement();
            pastData = true;
            r.close();
            InputStream rest = head.x().rest();
            byte[] tail = rest.readNBytes(PlainTail.MAX_BYTES + 1);
            int end =
                plainTailAsItIs && tail.length <= PlainTail.MAX_BYTES
                    ? PlainTail.end(head, tail, DROPPED)
                    : -1;
            if (end >= 0) {
              // nothing in it to leave out or change: its bytes, then the comments' drawing
              w.flush();
              out.write(tail, 0, end);
              legacyDrawing(w, relPrefix);
              w.writeEndElement();
              w.writeEndDocument();
              w.flush();
              tailAsItWas = true;
              return;
            }
            r = PackageXml.reader(head.tail(tail, rest));
            r.nextTag(); // the root again
            r.nextTag(); // <sheetData/>, standing for the rows copied
            r.nextTag();
            head = null;
            continue;
          }
          if (name.equals("sheetData")) {
            PackageXml.copyStart(r, w, null);
            sheetData(r, w);
            w.writeEndElement();
            pastData = true;
            continue;
          }
          if (name.equals("cols")) {
            PackageXml.copyStart(r, w, null);
            depth++;
            continue;
          }
        }
        if (PackageXml.hasRelationship(r) && !name.equals("pageSetup")) {
          PackageXml.skipElement(r);
          continue;
        }
        if (name.equals("sheetView")) {
          PackageXml.copyStart(r, w, "tabSelected");
        } else if (name.equals("pageSetup")) {
          startWithoutRelationships(r, w);
        } else {
          if (name.equals("col")) {
            column(r);
          }
          PackageXml.copyStart(r, w, null);
        }
        depth++;
      } else if (e == XMLStreamReader.END_ELEMENT) {
        depth--;
        if (depth == 0 && !drawingWritten) {
          drawingWritten = legacyDrawing(w, relPrefix);
        }
        w.writeEndElement();
      } else {
        PackageXml.copySimple(r, w);
      }
    }
    w.writeEndDocument();
    w.flush();
    r.close();
  }

  private boolean legacyDrawing(XMLStreamWriter w, String relPrefix) throws XMLStreamException {
    if (!comments.isEmpty()) {
      w.writeEmptyElement(mainPrefix, "legacyDrawing", PackageXml.MAIN_NS);
      w.writeAttribute(relPrefix, PackageXml.REL_NS, "id", VML_REL);
    }
    return true;
  }

  private static String declaredPrefix(XMLStreamReader r, String uri) {
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      String p = r.getNamespacePrefix(i);
      if (uri.equals(r.getNamespaceURI(i)) && !PackageXml.isEmpty(p)) {
        return p;
      }
    }
    return null;
  }

  private static void startWithoutRelationships(XMLStreamReader r, XMLStreamWriter w)
      throws XMLStreamException {
    PackageXml.startElement(r, w);
    PackageXml.copyNamespaces(r, w);
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (!PackageXml.REL_NS.equals(r.getAttributeNamespace(i))) {
        PackageXml.copyAttribute(r, w, i);
      }
    }
  }

  private void column(XMLStreamReader r) {
    String style = PackageXml.attribute(r, "style");
    String min = PackageXml.attribute(r, "min");
    String max = PackageXml.attribute(r, "max");
    if (style == null || min == null || max == null) {
      return;
    }
    int lo = Integer.parseInt(min);
    int hi = Math.min(Integer.parseInt(max), lo + 16384);
    // Only the columns marked cells may be added in need their default style.
    for (Long k : marks.keySet()) {
      int c = col(k) + 1;
      if (c >= lo && c <= hi) {
        columnStyles.put(c - 1, Integer.parseInt(style));
      }
    }
  }

  /** Streams the rows, adding marked cells (and rows) that the sheet does not have. */
  private void sheetData(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    int row = -1; // 0-based, of the row being copied
    while (true) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("row")) {
        String at = PackageXml.attribute(r, "r");
        row = at == null ? row + 1 : Integer.parseInt(at) - 1;
        missingRowsBefore(w, row);
        PackageXml.copyStart(r, w, "spans");
        cells(r, w, row);
      } else if (e == XMLStreamReader.START_ELEMENT) {
        PackageXml.skipElement(r);
      } else if (e == XMLStreamReader.END_ELEMENT) {
        missingRowsBefore(w, Integer.MAX_VALUE);
        return;
      }
    }
  }

  private void missingRowsBefore(XMLStreamWriter w, int row) throws XMLStreamException {
    int r;
    while ((r = nextMarkedRowBefore(row)) >= 0) {
      w.writeStartElement(mainPrefix, "row", PackageXml.MAIN_NS);
      w.writeAttribute("r", Integer.toString(r + 1));
      missingCellsBefore(w, r, Integer.MAX_VALUE);
      w.writeEndElement();
    }
  }

  private void missingCellsBefore(XMLStreamWriter w, int row, int col) throws XMLStreamException {
    Map.Entry<Long, Mark> m;
    while ((m = nextMarkBefore(row, col)) != null) {
      int c = col(m.getKey());
      w.writeEmptyElement(mainPrefix, "c", PackageXml.MAIN_NS);
      w.writeAttribute("r", SourceLocation.columnLetters(c) + (row + 1));
      w.writeAttribute("s", Integer.toString(missingCellStyle(c, m.getValue().severity())));
    }
  }

  // ---- what both copies of the rows ask

  /** The row of the first mark left, when it comes before {@code row} (0-based); else -1. */
  int nextMarkedRowBefore(int row) {
    return !marks.isEmpty() && row(marks.firstKey()) < row ? row(marks.firstKey()) : -1;
  }

  /** Takes the first mark left when it is in {@code row} before column {@code col}; else null. */
  Map.Entry<Long, Mark> nextMarkBefore(int row, int col) {
    if (!marks.isEmpty() && row(marks.firstKey()) == row && col(marks.firstKey()) < col) {
      return marks.pollFirstEntry();
    }
    return null;
  }

  /**
   * Whether no cell of {@code row} has a mark left or had one from an earlier check: nothing in it
   * changes. Asked as the row is met, the marks of rows before it already taken.
   */
  boolean rowUnmarked(int row) {
    return (marks.isEmpty() || row(marks.firstKey()) != row) && !earlierRows.contains(row);
  }

  /** Takes the mark of a cell the sheet has; null when it has none. */
  Mark takeMark(int row, int col) {
    return marks.isEmpty() ? null : marks.remove(key(row, col));
  }

  /** Whether an earlier check had marked the cell (its fill is taken off). */
  boolean wasMarked(int row, int col) {
    return !earlierMarks.isEmpty() && earlierMarks.contains(key(row, col));
  }

  /** The style of an added, marked cell in column {@code col} (0-based). */
  int missingCellStyle(int col, Severity severity) {
    return styles.marked(columnStyles.getOrDefault(col, 0), severity);
  }

  /** A cell's style from its submitted one: unfilled when earlier marked, then marked. */
  int cellStyle(int base, boolean earlier, Mark mark) {
    if (earlier) {
      base = styles.unfilled(base);
    }
    return mark == null ? base : styles.marked(base, mark.severity());
  }

  void formulaFound() {
    formulas++;
  }

  /** The cells of one row, up to its end tag (written). */
  private void cells(XMLStreamReader r, XMLStreamWriter w, int row) throws XMLStreamException {
    int col = -1;
    while (true) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("c")) {
        String ref = null;
        String style = null;
        String type = null;
        // One pass over the cell's attributes by index (a lookup by name searches them each
        // time); the first of each local name, in any namespace, as getAttributeValue(null, ..).
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
          switch (r.getAttributeLocalName(i)) {
            case "r" -> ref = ref == null ? r.getAttributeValue(i) : ref;
            case "s" -> style = style == null ? r.getAttributeValue(i) : style;
            case "t" -> type = type == null ? r.getAttributeValue(i) : type;
            default -> {}
          }
        }
        col = ref == null ? col + 1 : columnOf(ref);
        missingCellsBefore(w, row, col);
        cell(r, w, row, col, ref, style, type, takeMark(row, col));
      } else if (e == XMLStreamReader.START_ELEMENT) {
        PackageXml.skipElement(r);
      } else if (e == XMLStreamReader.END_ELEMENT) {
        missingCellsBefore(w, row, Integer.MAX_VALUE);
        w.writeEndElement();
        return;
      } else {
        PackageXml.copySimple(r, w);
      }
    }
  }

  static int columnOf(String ref) {
    int c = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = ref.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        c = c * 26 + (ch - 'A' + 1);
      } else if (ch >= 'a' && ch <= 'z') {
        c = c * 26 + (ch - 'a' + 1);
      } else {
        break;
      }
    }
    return c - 1;
  }

  /**
   * One cell: its start tag is held back until its first child that is not a formula, so a cell
   * whose formula gave text is written as that text; the formula itself never reaches the copy.
   */
  private void cell(
      XMLStreamReader r,
      XMLStreamWriter w,
      int row,
      int col,
      String ref,
      String style,
      String type,
      Mark mark)
      throws XMLStreamException {
    String formula = null;
    boolean started = false;
    boolean textResult = false;
    while (true) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT) {
        String name = r.getLocalName();
        if (name.equals("f")) {
          formula = r.getElementText();
          formulaFound();
          continue;
        }
        if (!started) {
          textResult = formula != null && "str".equals(type);
          startCell(w, ref, row, col, style, textResult ? "inlineStr" : type, mark);
          started = true;
        }
        if (name.equals("v") && textResult) {
          String value = r.getElementText();
          w.writeStartElement(mainPrefix, "is", PackageXml.MAIN_NS);
          w.writeStartElement(mainPrefix, "t", PackageXml.MAIN_NS);
          w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
          w.writeCharacters(value);
          w.writeEndElement();
          w.writeEndElement();
        } else if (name.equals("v") || name.equals("is")) {
          copySubtree(r, w);
        } else {
          PackageXml.skipElement(r);
        }
      } else if (e == XMLStreamReader.END_ELEMENT) {
        if (!started) {
          // A formula with no cached value leaves an empty cell (its style kept).
          startCell(w, ref, row, col, style, formula != null ? null : type, mark);
        }
        w.writeEndElement();
        if (formula != null) {
          noteFormula(row, col);
        }
        return;
      }
    }
  }

  private void startCell(
      XMLStreamWriter w, String ref, int row, int col, String style, String type, Mark mark)
      throws XMLStreamException {
    w.writeStartElement(mainPrefix, "c", PackageXml.MAIN_NS);
    w.writeAttribute("r", ref != null ? ref : SourceLocation.columnLetters(col) + (row + 1));
    boolean earlier = wasMarked(row, col);
    if (mark == null && !earlier && isCanonicalStyle(style)) {
      // The style as submitted, already as Integer.toString would write it: no parse, no string.
      w.writeAttribute("s", style);
    } else {
      int s = cellStyle(style == null ? 0 : Integer.parseInt(style), earlier, mark);
      if (s != 0) {
        w.writeAttribute("s", Integer.toString(s));
      }
    }
    if (type != null) {
      w.writeAttribute("t", type);
    }
  }

  /**
   * Whether a style index is written exactly as {@code Integer.toString(Integer.parseInt(s))} would
   * write it, and is not 0 (which the copy leaves out): 1 to 8 digits, no leading zero.
   */
  static boolean isCanonicalStyle(String s) {
    if (s == null || s.isEmpty() || s.length() > 8 || s.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static void copySubtree(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    PackageXml.copyStart(r, w, null);
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT) {
        PackageXml.copyStart(r, w, null);
        depth++;
      } else {
        if (e == XMLStreamReader.END_ELEMENT) {
          depth--;
        }
        PackageXml.copySimple(r, w);
      }
    }
  }

  /** The formula itself is not repeated: it may name a web address or another file. */
  void noteFormula(int row, int col) {
    String note =
        "This cell held a formula. The checked copy keeps only its last calculated value: the"
            + " tool reads values, never formulas.";
    comments.merge(key(row, col), note, (a, b) -> a + "\n\n" + b);
  }
}
