package org.idva.insights.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A small package part's DOM (workbook, styles) written as the bytes the JDK's identity transformer
 * writes for it (UTF-8, standalone, no indent), without setting one up for every part: that cost a
 * tenth of a checked copy on the sample. Only for documents of elements, attributes and text made
 * of characters whose escaping is plain ({@link #plain}); for anything else (comments, processing
 * instructions, CDATA, control or line-separator characters, a tab or line break in an attribute)
 * {@link #of} gives null and the transformer writes the part. {@code DomBytesTest} compares the two
 * on every such part of the sample and test returns and on seeded random documents.
 */
final class DomBytes {
  private static final byte[] DECLARATION =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

  private final StringBuilder out = new StringBuilder(8192);

  private DomBytes() {}

  /** The document's bytes as the identity transformer writes them, or null (see above). */
  static byte[] of(Document doc) {
    Element root = doc.getDocumentElement();
    if (root == null) {
      return null;
    }
    for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n != root) {
        return null; // a comment or processing instruction around the root
      }
    }
    DomBytes w = new DomBytes();
    if (!w.element(root, Scope.NONE)) {
      return null;
    }
    byte[] body = w.out.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(DECLARATION.length + body.length);
    bytes.writeBytes(DECLARATION);
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }

  /**
   * Writes the element; false when it is not plain. Its namespace declarations come first, then its
   * other attributes, each in the DOM's order (as the transformer writes them). An element or
   * attribute whose prefix is not declared as its namespace where it stands is not plain: the
   * transformer would add a declaration.
   */
  private boolean element(Element e, Scope scope) {
    String name = e.getTagName();
    out.append('<').append(name);
    NamedNodeMap attributes = e.getAttributes();
    int n = attributes.getLength();
    Scope here = scope;
    // the declaration of the element's own prefix first, then the others
    String own = e.getPrefix() == null ? "xmlns" : "xmlns:" + e.getPrefix();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        Attr a = (Attr) attributes.item(i);
        String an = a.getName();
        if ((an.equals("xmlns") || an.startsWith("xmlns:")) && an.equals(own) == (pass == 0)) {
          here = new Scope(an.length() == 5 ? "" : an.substring(6), a.getValue(), here);
          if (!attribute(a)) {
            return false;
          }
        }
      }
    }
    if (!here.declares(e.getPrefix(), e.getNamespaceURI())) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      Attr a = (Attr) attributes.item(i);
      String an = a.getName();
      if (an.equals("xmlns") || an.startsWith("xmlns:")) {
        continue;
      }
      if (an.indexOf(':') >= 0
          && (a.getPrefix() == null || !here.declares(a.getPrefix(), a.getNamespaceURI()))) {
        return false;
      }
      if (!attribute(a)) {
        return false;
      }
    }
    // the start tag is closed by the first content: with none (or only empty text) it is empty
    boolean open = true;
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      short type = child.getNodeType();
      if (type == Node.TEXT_NODE && child.getNodeValue().isEmpty()) {
        continue;
      }
      if (type != Node.ELEMENT_NODE && type != Node.TEXT_NODE) {
        return false;
      }
      if (open) {
        out.append('>');
        open = false;
      }
      if (type == Node.ELEMENT_NODE
          ? !element((Element) child, here)
          : !escaped(child.getNodeValue(), false)) {
        return false;
      }
    }
    if (open) {
      out.append("/>");
    } else {
      out.append("</").append(name).append('>');
    }
    return true;
  }

  private boolean attribute(Attr a) {
    out.append(' ').append(a.getName()).append("=\"");
    if (!escaped(a.getValue(), true)) {
      return false;
    }
    out.append('"');
    return true;
  }

  /** The namespace declarations in scope: a prefix ("" the default) and its namespace. */
  private record Scope(String prefix, String uri, Scope outer) {
    static final Scope NONE = new Scope(null, null, null);

    /** Whether {@code prefix} (null: none) stands for {@code uri} (null: none) here. */
    boolean declares(String prefix, String uri) {
      String p = prefix == null ? "" : prefix;
      String u = uri == null ? "" : uri;
      for (Scope s = this; s != null && s.prefix != null; s = s.outer) {
        if (s.prefix.equals(p)) {
          return s.uri.equals(u);
        }
      }
      return u.isEmpty() && p.isEmpty();
    }
  }

  /** Appends the text escaped; false when it holds a character this writer leaves alone. */
  private boolean escaped(String s, boolean attribute) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> {
          if (attribute) {
            return false;
          }
          out.append('\n');
        }
        default -> {
          if (!plain(c)) {
            return false;
          }
          out.append(c);
        }
      }
    }
    return true;
  }

  /** A character both writers write as it is: printable ASCII, and BMP text above the controls. */
  static boolean plain(char c) {
    return (c >= 0x20 && c < 0x7F)
        || (c >= 0xA0 && c < 0xD800 && c != 0x2028 && c != 0x2029)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
