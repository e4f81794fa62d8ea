package org.idva.insights.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared strings read as fastexcel-reader 0.20 reads them, with the same parser: each
 * {@code <si>}'s text is the text of its {@code <t>} elements, those inside a phonetic run ({@code
 * <rPh>}) left out. Read whole, up to the first thing the parser refuses: a string past that point
 * (or past the end) is not known here, and {@link #at} gives null so that the row is left to
 * fastexcel-reader, which reports the damage itself.
 */
final class SharedStrings {
  private final List<String> values;

  private SharedStrings(List<String> values) {
    this.values = values;
  }

  /** The string at an index, or null when it is not known here. */
  String at(int index) {
    return index >= 0 && index < values.size() ? values.get(index) : null;
  }

  /** No shared strings at all: every index is left to fastexcel-reader. */
  static final SharedStrings NONE = new SharedStrings(List.of());

  static SharedStrings read(InputStream in) {
    List<String> values = new ArrayList<>();
    try (in) {
      XMLStreamReader r = PartNames.StaxFactory.FACTORY.createXMLStreamReader(in);
      StringBuilder text = new StringBuilder();
      while (goToStart(r, "si")) {
        text.setLength(0);
        boolean ended = false;
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamReader.START_ELEMENT && "t".equals(r.getLocalName())) {
            appendUntilEnd(r, "t", text);
          } else if (event == XMLStreamReader.END_ELEMENT && "si".equals(r.getLocalName())) {
            ended = true;
            break;
          } else if (event == XMLStreamReader.START_ELEMENT && "rPh".equals(r.getLocalName())) {
            skipToEnd(r, "rPh");
          }
        }
        if (!ended) {
          break;
        }
        values.add(text.toString());
      }
    } catch (XMLStreamException | java.io.IOException | RuntimeException e) {
      // The strings read so far stand; the rest is left to fastexcel-reader.
    }
    return new SharedStrings(values);
  }

  private static boolean goToStart(XMLStreamReader r, String name) throws XMLStreamException {
    while (r.hasNext()) {
      if (r.next() == XMLStreamReader.START_ELEMENT && name.equals(r.getLocalName())) {
        return true;
      }
    }
    return false;
  }

  private static void skipToEnd(XMLStreamReader r, String name) throws XMLStreamException {
    while (r.hasNext()) {
      if (r.next() == XMLStreamReader.END_ELEMENT && name.equals(r.getLocalName())) {
        return;
      }
    }
  }

  /** All text up to the end of the element just started, as fastexcel-reader gathers it. */
  private static void appendUntilEnd(XMLStreamReader r, String name, StringBuilder text)
      throws XMLStreamException {
    int depth = 1;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamReader.CHARACTERS
          || event == XMLStreamReader.CDATA
          || event == XMLStreamReader.SPACE) {
        text.append(r.getText());
      } else if (event == XMLStreamReader.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
        if (depth == 0 && name.equals(r.getLocalName())) {
          return;
        }
      }
    }
  }
}
