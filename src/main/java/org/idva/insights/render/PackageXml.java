package org.idva.insights.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML of an OOXML package part, read and written safely: no DTD, no external entity, ever. Small
 * parts (workbook, styles, relationships) as DOM; sheets as a stream.
 */
final class PackageXml {
  static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String REL_NS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

  private static final XMLInputFactory INPUT = inputFactory();
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();

  private PackageXml() {}

  private static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return INPUT.createXMLStreamReader(in);
  }

  static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
    return OUTPUT.createXMLStreamWriter(out, "UTF-8");
  }

  /** One configured parser per thread: making a factory and a parser costs more than a part. */
  private static final ThreadLocal<DocumentBuilder> PARSER =
      ThreadLocal.withInitial(
          () -> {
            try {
              DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
              f.setNamespaceAware(true);
              f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
              f.setFeature("http://xml.org/sax/features/external-general-entities", false);
              f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
              f.setXIncludeAware(false);
              f.setExpandEntityReferences(false);
              f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
              f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
              return f.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  /** One serialiser factory per thread, for the same reason. */
  private static final ThreadLocal<TransformerFactory> SERIALISER =
      ThreadLocal.withInitial(
          () -> {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return f;
          });

  static Document parse(byte[] xml) throws IOException {
    DocumentBuilder b = PARSER.get();
    try {
      return b.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      throw new IOException("not well-formed XML: " + e.getMessage(), e);
    } finally {
      b.reset();
    }
  }

  static byte[] bytes(Document doc) throws IOException {
    doc.setXmlStandalone(true);
    byte[] plain = DomBytes.of(doc);
    if (plain != null) {
      return plain;
    }
    return transformed(doc);
  }

  /** The document as the JDK's identity transformer writes it (what {@link DomBytes} matches). */
  static byte[] transformed(Document doc) throws IOException {
    try {
      Transformer t = SERIALISER.get().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      doc.setXmlStandalone(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Text escaped for an XML attribute or element. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append("&#9;");
        default -> {
          if (c < 0x20) {
            continue; // not allowed in XML 1.0
          }
          b.append(c);
        }
      }
    }
    return b.toString();
  }

  /** Copies the start tag the reader is on: its name, namespace declarations and attributes. */
  static void copyStart(XMLStreamReader r, XMLStreamWriter w, String skipAttribute)
      throws XMLStreamException {
    startElement(r, w);
    copyNamespaces(r, w);
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (skipAttribute != null
          && r.getAttributeLocalName(i).equals(skipAttribute)
          && isEmpty(r.getAttributeNamespace(i))) {
        continue;
      }
      copyAttribute(r, w, i);
    }
  }

  static void startElement(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    String prefix = r.getPrefix();
    String ns = r.getNamespaceURI();
    w.writeStartElement(prefix == null ? "" : prefix, r.getLocalName(), ns == null ? "" : ns);
  }

  static void copyNamespaces(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      String p = r.getNamespacePrefix(i);
      if (isEmpty(p)) {
        w.writeDefaultNamespace(r.getNamespaceURI(i));
      } else {
        w.writeNamespace(p, r.getNamespaceURI(i));
      }
    }
  }

  static void copyAttribute(XMLStreamReader r, XMLStreamWriter w, int i) throws XMLStreamException {
    String ns = r.getAttributeNamespace(i);
    if (isEmpty(ns)) {
      w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
    } else {
      String p = r.getAttributePrefix(i);
      w.writeAttribute(p == null ? "" : p, ns, r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
  }

  /** Copies the text, CDATA or end tag the reader is on; false for anything else. */
  static boolean copySimple(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    switch (r.getEventType()) {
      case XMLStreamReader.CHARACTERS, XMLStreamReader.SPACE ->
          w.writeCharacters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
      case XMLStreamReader.CDATA -> w.writeCData(r.getText());
      case XMLStreamReader.END_ELEMENT -> w.writeEndElement();
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Skips the element the reader is on (at its start tag), up to its end tag. */
  static void skipElement(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamReader.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamReader.END_ELEMENT) {
        depth--;
      }
    }
  }

  /**
   * Whether the start tag the reader is on carries any attribute in the relationships namespace.
   */
  static boolean hasRelationship(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (REL_NS.equals(r.getAttributeNamespace(i))) {
        return true;
      }
    }
    return false;
  }

  static org.w3c.dom.Element first(org.w3c.dom.Element parent, String name) {
    for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof org.w3c.dom.Element e && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  static java.util.List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
    java.util.List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
    for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof org.w3c.dom.Element e && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static String attribute(XMLStreamReader r, String name) {
    return r.getAttributeValue(null, name);
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
