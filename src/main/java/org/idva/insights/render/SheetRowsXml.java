package org.idva.insights.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.idva.insights.model.FormRow;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes a sheet's data rows as SpreadsheetML {@code <row>} elements, the way POI's streaming
 * writer does (inline strings, numbers as {@code t="n"}, each cell with its column's input style),
 * straight to the output: nothing is kept per row.
 */
final class SheetRowsXml {
  private final Column[] columns;
  private final String[] letters;
  private final String[] styles;

  SheetRowsXml(SheetDefinition def, int[] columnStyles) {
    this.columns = def.columns().toArray(new Column[0]);
    this.letters = new String[columns.length];
    this.styles = new String[columns.length];
    for (int c = 0; c < columns.length; c++) {
      letters[c] = "<c r=\"" + CellReference.convertNumToColString(c);
      styles[c] = columnStyles[c] == 0 ? "\"" : "\" s=\"" + columnStyles[c] + "\"";
    }
  }

  /** Writes rows 2, 3, ... and flushes, leaving {@code out} open. */
  void write(List<FormRow> rows, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    int r = 2;
    for (FormRow formRow : rows) {
      w.write("<row r=\"");
      w.write(Integer.toString(r));
      w.write("\">\n");
      for (int c = 0; c < columns.length; c++) {
        Column column = columns[c];
        Object value = formRow.get(column.field().id());
        if (value == null) {
          continue;
        }
        if (column.isOption()) {
          if (value instanceof Collection<?> ticks && ticks.contains(column.option().code())) {
            text(w, c, r, ReturnTemplateWriter.TICK);
          }
          continue;
        }
        if (value instanceof LocalDate date) {
          number(w, c, r, DateUtil.getExcelDate(date.atStartOfDay()));
        } else if (value instanceof Long || value instanceof Integer) {
          number(w, c, r, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
          number(w, c, r, decimal.doubleValue());
        } else if (column.field().type() == FieldType.CODE) {
          String code = value.toString();
          text(w, c, r, column.field().codeList().byCode(code).map(x -> x.label()).orElse(code));
        } else {
          text(w, c, r, value.toString());
        }
      }
      w.write("</row>\n");
      r++;
    }
    w.flush();
  }

  private void number(Writer w, int c, int r, double v) throws IOException {
    w.write(letters[c]);
    w.write(Integer.toString(r));
    w.write(styles[c]);
    w.write(" t=\"n\"><v>");
    w.write(Double.toString(v));
    w.write("</v></c>");
  }

  private void text(Writer w, int c, int r, String s) throws IOException {
    w.write(letters[c]);
    w.write(Integer.toString(r));
    w.write(styles[c]);
    w.write(" t=\"inlineStr\"><is><t");
    w.write(space(s));
    w.write(">");
    w.write(escape(s));
    w.write("</t></is></c>");
  }

  /** {@code xml:space="preserve"} when the text starts or ends with white space. */
  static String space(String s) {
    return !s.isEmpty()
            && (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)))
        ? " xml:space=\"preserve\""
        : "";
  }

  /**
   * XML text: markup characters escaped, control characters other than tab and newlines dropped.
   */
  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String rep =
          switch (ch) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\t' -> "&#x9;";
            case '\n' -> "&#xa;";
            case '\r' -> "&#xd;";
            default -> ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF ? "?" : null;
          };
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(ch);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
