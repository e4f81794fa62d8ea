package org.idva.insights.render;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether what follows a worksheet's rows (its protection, filters, merged cells, conditional
 * formats, data validations, margins: up to 160 KB a sheet in a return made from the template) can
 * go into the checked copy as the bytes it was written with, because the event copy would change
 * nothing in it but its spelling: the part is read by the XML parser (so it is well formed) and
 * holds only elements and text in the spreadsheet namespace, no namespace declaration, no attribute
 * in a namespace (so no relationship id), no comment, processing instruction or CDATA, and none of
 * the elements the copy leaves out ({@link CheckedSheet}'s dropped ones) or changes ({@code
 * sheetView}, rows). The copy of such a tail has the same elements, attributes and text as the
 * event copy ({@code SheetDataBytesTest}), at the cost of a parse instead of a parse and a write.
 */
final class PlainTail {
  /** A tail longer than this goes through the event copy: it is not held in memory. */
  static final int MAX_BYTES = 4 << 20;

  /** Elements the event copy changes wherever they are. */
  private static final Set<String> CHANGED = Set.of("sheetView", "sheetData", "row", "c");

  private PlainTail() {}

  /**
   * The verdicts on the tails read last: returns made from the same template have the same tails
   * byte for byte (at ten times the sample, 11 different tails among 3,564 sheets; 100 MB of them),
   * so a tail already read is known by comparing its bytes, not parsed again. The verdict depends
   * on nothing but the root's tag, the tail and the dropped elements. At most {@link
   * #KNOWN_ENTRIES} tails and {@link #KNOWN_BYTES} bytes of them are kept, the least recently used
   * going first.
   */
  private static final Known KNOWN = new Known();

  static final int KNOWN_ENTRIES = 64;
  static final long KNOWN_BYTES = 8L << 20;

  /** What a verdict is on: the root's tag, the tail and the dropped elements, compared whole. */
  private static final class Verdict {
    private final byte[] root;
    private final byte[] tail;
    private final Set<String> dropped;
    private final int hash;

    Verdict(byte[] root, byte[] tail, Set<String> dropped) {
      this.root = root;
      this.tail = tail;
      this.dropped = dropped;
      this.hash = (Arrays.hashCode(root) * 31 + Arrays.hashCode(tail)) * 31 + dropped.hashCode();
    }

    long bytes() {
      return (long) root.length + tail.length;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Verdict v
          && v.hash == hash
          && Arrays.equals(v.tail, tail)
          && Arrays.equals(v.root, root)
          && v.dropped.equals(dropped);
    }
  }

  /** The remembered verdicts, least recently used first; shared by the threads that copy. */
  private static final class Known {
    private final LinkedHashMap<Verdict, Integer> verdicts = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    synchronized Integer get(Verdict key) {
      return verdicts.get(key);
    }

    synchronized void put(Verdict key, int end) {
      if (key.bytes() > KNOWN_BYTES || verdicts.containsKey(key)) {
        return;
      }
      verdicts.put(key, end);
      bytes += key.bytes();
      Iterator<Verdict> oldest = verdicts.keySet().iterator();
      while (verdicts.size() > KNOWN_ENTRIES || bytes > KNOWN_BYTES) {
        bytes -= oldest.next().bytes();
        oldest.remove();
      }
    }

    synchronized int size() {
      return verdicts.size();
    }

    synchronized long bytes() {
      return bytes;
    }
  }

  /** How many verdicts are remembered, and on how many bytes: for the tests. */
  static long[] known() {
    return new long[] {KNOWN.size(), KNOWN.bytes()};
  }

  /**
   * Where the root's end tag starts in {@code tail} (what follows {@code </sheetData>}) when the
   * tail is plain, so {@code tail[0, end)} can be copied as it is; -1 when it is not.
   *
   * @param head the part's start, which puts the tail behind its root tag ({@link SheetHead#tail})
   * @param dropped the worksheet's children the copy leaves out
   */
  static int end(SheetHead head, byte[] tail, Set<String> dropped) {
    Verdict key = new Verdict(head.rootTag(), tail, dropped);
    Integer known = KNOWN.get(key);
    if (known != null) {
      return known;
    }
    int end = read(head, tail, dropped);
    KNOWN.put(key, end);
    return end;
  }

  /** {@link #end}, read from the bytes every time (nothing remembered). */
  static int read(SheetHead head, byte[] tail, Set<String> dropped) {
    if (!plain(head, tail, dropped)) {
      return -1;
    }
    // Well formed, with nothing after the root but white space: its end tag is the last "</".
    for (int i = tail.length - 2; i >= 0; i--) {
      if (tail[i] == '<' && tail[i + 1] == '/') {
        return i;
      }
    }
    return -1;
  }

  private static boolean plain(SheetHead head, byte[] tail, Set<String> dropped) {
    XMLStreamReader r = null;
    try {
      r = PackageXml.reader(head.tail(tail, InputStream.nullInputStream()));
      r.nextTag(); // the root
      r.nextTag(); // <sheetData/>, standing for the rows
      r.nextTag();
      int depth = 1;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamReader.START_ELEMENT -> {
            String name = r.getLocalName();
            if (r.getNamespaceCount() > 0
                || !PackageXml.MAIN_NS.equals(r.getNamespaceURI())
                || !PackageXml.isEmpty(r.getPrefix())
                || CHANGED.contains(name)
                || (depth == 1 && (dropped.contains(name) || name.equals("cols")))) {
              return false;
            }
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
              if (!PackageXml.isEmpty(r.getAttributeNamespace(i))
                  || !PackageXml.isEmpty(r.getAttributePrefix(i))) {
                return false;
              }
            }
            depth++;
          }
          case XMLStreamReader.END_ELEMENT -> depth--;
          case XMLStreamReader.CHARACTERS, XMLStreamReader.SPACE -> {
            // text, or white space after the root (nothing else is well formed there)
          }
          case XMLStreamReader.END_DOCUMENT -> {
            return depth == 0;
          }
          default -> {
            return false; // comments, processing instructions, CDATA, entity references
          }
        }
      }
      return false;
    } catch (XMLStreamException | RuntimeException e) {
      return false; // the event copy meets the same and says so
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
  }
}
