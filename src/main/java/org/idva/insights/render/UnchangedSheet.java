package org.idva.insights.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether the checked copy of a worksheet with nothing to mark would be the worksheet as submitted:
 * nothing in it that {@link CheckedSheet} leaves out or changes, so the copy can carry the part's
 * bytes (compressed as they came) instead of streaming it and deflating it again. It is when the
 * part is one whose rows {@link SheetHead} lets be copied byte by byte, and
 *
 * <ul>
 *   <li>its start holds only elements and text: none of the worksheet's children the copy leaves
 *       out, no attribute in the relationships namespace (so nothing pointing at another part), no
 *       {@code tabSelected} on a sheet view (the Issues sheet is the one selected in the copy);
 *   <li>every row's content is what the copy writes for a row with no marks, but for the order of a
 *       cell's style and type ({@link PlainRow#asSubmitted}: no formula, comment, instruction or
 *       CDATA, nothing but values and inline text) and its start tag is an unprefixed {@code row}
 *       spelled as the copy spells it ({@link XmlBytes#startTagAsCopied}); between rows there is
 *       only white space;
 *   <li>what follows the rows is plain ({@link PlainTail}).
 * </ul>
 *
 * The copy would drop a row's {@code spans} and white space between rows, put a cell's style before
 * its type, and spell the start of the part its own way; the part as submitted keeps them, which
 * says the same. "Not unchanged" when in doubt costs only time: the sheet is then streamed as
 * before.
 */
final class UnchangedSheet {
  private static final byte[] ROW_END = XmlBytes.ascii("</row>");

  private final Set<String> dropped;
  private final PlainRow plain = PlainRow.asSubmitted();

  /**
   * @param dropped the worksheet's children the copy leaves out ({@link CheckedSheet})
   */
  UnchangedSheet(Set<String> dropped) {
    this.dropped = Set.copyOf(dropped);
  }

  /** Whether the part read from {@code in} (to its end when it is unchanged) is unchanged. */
  boolean test(InputStream in) throws IOException {
    SheetHead head = SheetHead.read(new XmlBytes(in));
    if (!head.rowsByBytes() || !plainStart(head) || !plainRows(head.x())) {
      return false;
    }
    byte[] tail = head.x().rest().readNBytes(PlainTail.MAX_BYTES + 1);
    return tail.length <= PlainTail.MAX_BYTES && PlainTail.end(head, tail, dropped) >= 0;
  }

  /** The part up to its rows: nothing the event copy leaves out or changes. */
  private boolean plainStart(SheetHead head) {
    XMLStreamReader r = null;
    try {
      r = PackageXml.reader(head.head());
      r.nextTag(); // the root, kept as it is
      int depth = 1;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamReader.START_ELEMENT -> {
            String name = r.getLocalName();
            if (depth == 1 && name.equals("sheetData")) {
              return true;
            }
            if ((depth == 1 && dropped.contains(name))
                || PackageXml.hasRelationship(r)
                || (name.equals("sheetView") && PackageXml.attribute(r, "tabSelected") != null)) {
              return false;
            }
            depth++;
          }
          case XMLStreamReader.END_ELEMENT -> depth--;
          case XMLStreamReader.CHARACTERS, XMLStreamReader.SPACE -> {
            // text is kept as it is
          }
          default -> {
            return false; // comments, instructions, CDATA, references: left to the copy
          }
        }
      }
      return false;
    } catch (XMLStreamException | RuntimeException e) {
      return false; // the copy meets the same and says so
    } finally {
      close(r);
    }
  }

  /** The rows, from just after {@code <sheetData>} through its end tag: every one plain. */
  private boolean plainRows(XmlBytes x) throws IOException {
    while (true) {
      int k = x.next();
      if (k == XmlBytes.START) {
        if (!x.nameIs("row") || !x.startTagAsCopied()) {
          return false;
        }
        if (!x.isEmpty() && !plainRow(x)) {
          return false;
        }
      } else if (k == XmlBytes.END) {
        return x.nameIs("sheetData");
      } else if (k != XmlBytes.TEXT || !blank(x.token())) {
        return false;
      }
    }
  }

  /**
   * Reads through the current row's end tag when its content is plain; else false. A row longer
   * than the copy looks at for plainness ({@link SheetDataBytes#PLAIN_ROW_MAX}) is not plain.
   */
  private boolean plainRow(XmlBytes x) throws IOException {
    while (true) {
      int from = x.tokenEnd();
      int end = plain.end(x.buffer(), from, x.bufferEnd());
      if (end >= 0) {
        x.resumeAt(end + ROW_END.length);
        return true;
      }
      if (!plain.needsMore()
          || x.bufferEnd() - from > SheetDataBytes.PLAIN_ROW_MAX
          || !x.bufferMore()) {
        return false;
      }
    }
  }

  private static boolean blank(byte[] text) {
    for (byte b : text) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // nothing held
      }
    }
  }
}
