package org.idva.insights.render;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import org.idva.insights.model.SourceLocation;

/**
 * The comments of one copied sheet as the two parts a spreadsheet reads them from: the comments
 * part (the text) and the legacy VML drawing (where each note box sits, hidden until hovered).
 */
final class CellComments {
  static final String AUTHOR = CellMarks.AUTHOR;

  private CellComments() {}

  static byte[] commentsPart(NavigableMap<Long, String> comments) {
    StringBuilder b = new StringBuilder(256 + comments.size() * 256);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        .append("<comments xmlns=\"")
        .append(PackageXml.MAIN_NS)
        .append("\"><authors><author>")
        .append(AUTHOR)
        .append("</author></authors><commentList>");
    for (Map.Entry<Long, String> c : comments.entrySet()) {
      b.append("<comment ref=\"")
          .append(ref(c.getKey()))
          .append("\" authorId=\"0\"><text><t xml:space=\"preserve\">")
          .append(PackageXml.escape(c.getValue()))
          .append("</t></text></comment>");
    }
    b.append("</commentList></comments>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param drawing a number unique to the sheet in the workbook (shape ids must not clash)
   */
  static byte[] vmlPart(NavigableMap<Long, String> comments, int drawing) {
    StringBuilder b = new StringBuilder(512 + comments.size() * 600);
    b.append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\"")
        .append(" xmlns:o=\"urn:schemas-microsoft-com:office:office\"")
        .append(" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
        .append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"")
        .append(drawing)
        .append("\"/></o:shapelayout>")
        .append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\"")
        .append(" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>")
        .append("<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
    int shape = drawing * 1024 + 1;
    for (Long key : comments.keySet()) {
      int row = CheckedSheet.row(key);
      int col = CheckedSheet.col(key);
      b.append("<v:shape id=\"_x0000_s")
          .append(shape++)
          .append("\" type=\"#_x0000_t202\" style=\"position:absolute;visibility:hidden\"")
          .append(" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>")
          .append("<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>")
          .append("<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\">")
          .append("<div style=\"text-align:left\"></div></v:textbox>")
          .append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
          .append("<x:Anchor>")
          .append(col + 1)
          .append(", 0, ")
          .append(row)
          .append(", 0, ")
          .append(col + 5)
          .append(", 0, ")
          .append(row + 7)
          .append(", 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>")
          .append(row)
          .append("</x:Row><x:Column>")
          .append(col)
          .append("</x:Column></x:ClientData></v:shape>");
    }
    b.append("</xml>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String ref(long key) {
    return SourceLocation.columnLetters(CheckedSheet.col(key)) + (CheckedSheet.row(key) + 1);
  }
}
