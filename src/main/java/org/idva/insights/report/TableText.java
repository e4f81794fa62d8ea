package org.idva.insights.report;

import java.util.ArrayList;
import java.util.List;
import org.idva.insights.model.TableResult;

/** Computed tables as plain text for a quick look in a terminal: one aligned block per table. */
public final class TableText {
  private TableText() {}

  public static String write(List<TableResult> tables) {
    StringBuilder out = new StringBuilder();
    for (TableResult t : tables) {
      out.append(t.id()).append(" - ").append(t.title()).append('\n');
      out.append("  ").append(t.section()).append("; ").append(t.population());
      if (!t.n().isEmpty()) {
        out.append("; n ").append(new java.util.TreeMap<>(t.n()).descendingMap());
      }
      out.append('\n');
      List<String> cols = t.columns();
      int labelWidth = 12;
      for (TableResult.Row r : t.rows()) {
        labelWidth = Math.max(labelWidth, Math.min(60, r.label().length() + 2 * r.indent()));
      }
      List<Integer> widths = new ArrayList<>();
      for (String c : cols) {
        int w = c.length();
        for (TableResult.Row r : t.rows()) {
          Object v = r.values().get(c);
          w = Math.max(w, v == null ? 0 : v.toString().length());
        }
        widths.add(w);
      }
      out.append(pad("", labelWidth));
      for (int i = 0; i < cols.size(); i++) {
        out.append("  ").append(left(cols.get(i), widths.get(i)));
      }
      out.append('\n');
      for (TableResult.Row r : t.rows()) {
        String label = "  ".repeat(r.indent()) + r.label();
        if (label.length() > labelWidth) {
          label = label.substring(0, labelWidth - 1) + "~";
        }
        out.append(pad(label, labelWidth));
        for (int i = 0; i < cols.size(); i++) {
          Object v = r.values().get(cols.get(i));
          out.append("  ").append(left(v == null ? "" : v.toString(), widths.get(i)));
        }
        out.append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  private static String left(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }
}
