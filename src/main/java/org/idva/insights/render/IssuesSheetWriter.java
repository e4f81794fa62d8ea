package org.idva.insights.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Finding;
import org.idva.insights.model.IssuesSheet;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * The Issues sheet of a checked workbook: a first block saying in one sentence what the service
 * must do next, then every finding, sorted by severity then sheet and row, with a link to its cell,
 * in the service's words (the check code last), and a column where the service can explain a query.
 * The header is frozen, filtered and repeated on every printed page. Written as XML text with its
 * strings inline, a row at a time: no spreadsheet object model, the same findings give the same
 * bytes.
 */
final class IssuesSheetWriter {
  private static final int[] WIDTHS = {11, 14, 8, 12, 28, 30, 20, 46, 46, 40, 24};

  /** The row (from 0) of the list's header: after the title, three sentences and a blank row. */
  private static final int HEAD_ROW = 5;

  // The sheet's styles, numbered as in STYLES.
  static final int TITLE = 1;
  static final int BOLD_WRAP = 3;
  static final int EXPLAIN = 4;
  static final int HEADER = 5;
  static final int WRAP = 6;
  static final int QUOTED = 7;
  static final int QUOTED_WRAP = 8;
  static final int LINK = 9;
  static final int ERROR = 10;
  static final int QUERY = 11;
  static final int NOTICE = 12;

  /**
   * The styles part of the Issues sheet: default, title (bold 14 pt), bold, bold wrapped at the
   * top, explanation (lemon fill, wrapped), header (bold, grey fill), wrapped, quote-prefixed,
   * quote-prefixed wrapped, link (blue underlined), error (rose), query (light orange), notice
   * (light turquoise) fills. The fill colours are {@link #colour}'s.
   */
  static final byte[] STYLES =
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet xmlns=\""
              + PackageXml.MAIN_NS
              + "\"><numFmts count=\"0\"/><fonts count=\"4\"><font><sz val=\"11.0\"/>"
              + "<color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/>"
              + "<scheme val=\"minor\"/></font><font><name val=\"Calibri\"/><sz val=\"14.0\"/>"
              + "<b val=\"true\"/></font><font><name val=\"Calibri\"/><sz val=\"11.0\"/>"
              + "<b val=\"true\"/></font><font><name val=\"Calibri\"/><sz val=\"11.0\"/>"
              + "<u val=\"single\"/><color indexed=\"12\"/></font></fonts><fills count=\"12\">"
              + "<fill><patternFill patternType=\"none\"/></fill>"
              + "<fill><patternFill patternType=\"darkGray\"/></fill>"
              + fills(26)
              + fills(22)
              + fills(45)
              + fills(52)
              + fills(41)
              + "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/>"
              + "</border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\""
              + " fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"13\">"
              + xf(0, 0, "", "")
              + xf(1, 0, " applyFont=\"true\"", "")
              + xf(2, 0, " applyFont=\"true\"", "")
              + xf(
                  2,
                  0,
                  " applyFont=\"true\" applyAlignment=\"true\"",
                  "<alignment wrapText=\"true\" vertical=\"top\"/>")
              + xf(0, 3, " applyFill=\"true\"", "<alignment wrapText=\"true\"/>")
              + xf(2, 5, " applyFont=\"true\" applyFill=\"true\"", "")
              + xf(0, 0, "", "<alignment wrapText=\"true\"/>")
              + xf(0, 0, " quotePrefix=\"true\"", "")
              + xf(0, 0, " quotePrefix=\"true\"", "<alignment wrapText=\"true\"/>")
              + xf(3, 0, " applyFont=\"true\"", "")
              + xf(0, 7, " applyFill=\"true\"", "")
              + xf(0, 9, " applyFill=\"true\"", "")
              + xf(0, 11, " applyFill=\"true\"", "")
              + "</cellXfs></styleSheet>")
          .getBytes(StandardCharsets.UTF_8);

  private static String fills(int indexed) {
    return "<fill><patternFill patternType=\"none\"><fgColor indexed=\""
        + indexed
        + "\"/></patternFill></fill><fill><patternFill patternType=\"solid\"><fgColor indexed=\""
        + indexed
        + "\"/></patternFill></fill>";
  }

  private static String xf(int font, int fill, String apply, String inner) {
    String start =
        "<xf numFmtId=\"0\" fontId=\""
            + font
            + "\" fillId=\""
            + fill
            + "\" borderId=\"0\" xfId=\"0\""
            + apply;
    return inner.isEmpty() ? start + "/>" : start + ">" + inner + "</xf>";
  }

  /** The indexed fill colour of each severity (rose, light orange, light turquoise). */
  static short colour(Severity s) {
    return switch (s) {
      case ERROR -> 45;
      case QUERY -> 52;
      case NOTICE -> 41;
    };
  }

  private final FindingText words;

  IssuesSheetWriter(FindingText words) {
    this.words = words;
  }

  /** The findings in the order the sheet lists them: severity, then sheet, row and column. */
  static List<Finding> sorted(List<Finding> findings) {
    Map<String, Integer> sheetOrder = new HashMap<>();
    for (Finding f : findings) {
      if (f.location().sheet() != null) {
        sheetOrder.putIfAbsent(f.location().sheet(), sheetOrder.size());
      }
    }
    List<Finding> out = new ArrayList<>(findings);
    out.sort(
        Comparator.comparingInt(IssuesSheetWriter::rank)
            .thenComparingInt(
                (Finding f) ->
                    f.location().sheet() == null ? -1 : sheetOrder.get(f.location().sheet()))
            .thenComparingInt(f -> f.location().row())
            .thenComparingInt(f -> f.location().column()));
    return out;
  }

  private static int rank(Finding f) {
    return switch (f.severity()) {
      case ERROR -> 0;
      case QUERY -> f.isExplained() ? 2 : 1;
      case NOTICE -> 3;
    };
  }

  /**
   * The Issues sheet of one return, ready to be written once the style numbers of the workbook it
   * goes into are known.
   *
   * @param name the sheet's name
   * @param copy the names of the copied return's sheets (cells there are linked), or null when the
   *     return is not copied
   * @param note the sentence saying what follows the list
   */
  Listing listing(String name, CheckedReturn checked, Set<String> copy, String note) {
    return new Listing(name, checked, copy, note);
  }

  /** An Issues sheet: its name, its defined names and its worksheet part. */
  final class Listing {
    private final String name;
    private final CheckedReturn checked;
    private final Set<String> copy;
    private final String note;

    private Listing(String name, CheckedReturn checked, Set<String> copy, String note) {
      this.name = name;
      this.checked = checked;
      this.copy = copy;
      this.note = note;
    }

    String name() {
      return name;
    }

    /**
     * The sheet's defined names (the filtered range and the printed title row), each as {name,
     * formula, hidden}; the sheet is the workbook's first.
     */
    List<String[]> definedNames() {
      String sheet = quotedSheet(name);
      int head = HEAD_ROW + 1;
      int last = head + checked.findings().size();
      String end = SourceLocation.columnLetters(IssuesSheet.COLUMNS.size() - 1);
      return List.of(
          new String[] {
            "_xlnm._FilterDatabase", sheet + "!$A$" + head + ":$" + end + "$" + last, "true"
          },
          new String[] {"_xlnm.Print_Titles", sheet + "!$" + head + ":$" + head, null});
    }

    /**
     * The worksheet part.
     *
     * @param style the workbook's style number of each of this sheet's styles ({@link #TITLE} ...)
     */
    byte[] xml(IntUnaryOperator style) {
      return new SheetXml(style).write(checked, copy, note);
    }
  }

  /** Writes the worksheet part, one row after the other. */
  private final class SheetXml {
    private final IntUnaryOperator style;
    private final StringBuilder b = new StringBuilder(4096);
    private final List<String> merged = new ArrayList<>();
    private final StringBuilder links = new StringBuilder();

    SheetXml(IntUnaryOperator style) {
      this.style = style;
    }

    byte[] write(CheckedReturn checked, Set<String> copy, String note) {
      int last = IssuesSheet.COLUMNS.size() - 1;
      String end = SourceLocation.columnLetters(last);
      int lastRow = HEAD_ROW + 1 + checked.findings().size();
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"")
          .append(PackageXml.MAIN_NS)
          .append("\"><sheetPr><pageSetUpPr fitToPage=\"true\"/></sheetPr><dimension ref=\"A1:")
          .append(end)
          .append(lastRow)
          .append(
              "\"/><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"true\"><pane ySplit=\"")
          .append(HEAD_ROW + 1)
          .append(".0\" state=\"frozen\" topLeftCell=\"A")
          .append(HEAD_ROW + 2)
          .append("\" activePane=\"bottomLeft\"/><selection pane=\"bottomLeft\"/></sheetView>")
          .append("</sheetViews><sheetFormatPr defaultRowHeight=\"15.0\"/><cols>");
      for (int c = 0; c < WIDTHS.length; c++) {
        b.append("<col min=\"")
            .append(c + 1)
            .append("\" max=\"")
            .append(c + 1)
            .append("\" width=\"")
            .append(WIDTHS[c])
            .append(".0\" customWidth=\"true\"/>");
      }
      b.append("</cols><sheetData>");
      int r = 0;
      row(r, 0);
      text(r++, 0, "Checks on " + checked.info().fileName(), TITLE);
      b.append("</row>");
      r = block(r, "What to do next: " + NextStep.sentence(checked, words::titleOfCode), true);
      r =
          block(
              r,
              String.format(
                  "Status: %s. %s, %s%s, %s. %,d rows used.",
                  checked.status().label(),
                  NextStep.plural(NextStep.errors(checked), "error"),
                  NextStep.plural(checked.count(Severity.QUERY), "query"),
                  NextStep.explained(checked) > 0
                      ? " (" + NextStep.explained(checked) + " explained)"
                      : "",
                  NextStep.plural(checked.count(Severity.NOTICE), "notice"),
                  checked.rows().size()),
              false);
      r = block(r, note, false);
      r = HEAD_ROW;
      row(r, 0);
      for (int c = 0; c <= last; c++) {
        text(r, c, IssuesSheet.COLUMNS.get(c), HEADER);
      }
      b.append("</row>");
      r++;
      for (Finding f : sorted(checked.findings())) {
        SourceLocation at = f.location();
        row(
            r,
            Math.max(
                1, Math.max(lines(f.expected(), WIDTHS[7] - 2), lines(f.fix(), WIDTHS[8] - 2))));
        int c = 0;
        text(r, c++, FindingText.severity(f), severity(f.severity()));
        text(r, c++, at.sheet() == null ? "" : at.sheet(), 0);
        link(r, c++, at, copy);
        text(r, c++, f.caseRef() == null ? "" : f.caseRef(), 0);
        text(r, c++, f.question() == null ? "" : f.question(), WRAP);
        text(r, c++, words.title(f), WRAP);
        text(r, c++, FindingText.found(f), WRAP);
        text(r, c++, f.expected(), WRAP);
        text(r, c++, f.fix(), WRAP);
        if (f.isExplained()) {
          text(r, c++, IssuesSheet.KEPT, EXPLAIN);
        } else if (f.severity() == Severity.QUERY && f.caseRef() != null && f.field() != null) {
          empty(r, c++, EXPLAIN);
        } else {
          empty(r, c++, -1);
        }
        text(r, c, f.code(), 0);
        b.append("</row>");
        r++;
      }
      b.append("</sheetData><autoFilter ref=\"A")
          .append(HEAD_ROW + 1)
          .append(':')
          .append(end)
          .append(lastRow)
          .append("\"/><mergeCells count=\"")
          .append(merged.size())
          .append("\">");
      for (String m : merged) {
        b.append("<mergeCell ref=\"").append(m).append("\"/>");
      }
      b.append("</mergeCells>");
      if (!links.isEmpty()) {
        b.append("<hyperlinks>").append(links).append("</hyperlinks>");
      }
      b.append(
          "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
              + " footer=\"0.3\"/><pageSetup orientation=\"landscape\" fitToWidth=\"1\""
              + " fitToHeight=\"0\"/></worksheet>");
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A sentence across the list's width, wrapped. */
    private int block(int r, String text, boolean bold) {
      int width = 0;
      for (int w : WIDTHS) {
        width += w;
      }
      row(r, lines(text, width));
      text(r, 0, text, bold ? BOLD_WRAP : WRAP);
      b.append("</row>");
      merged.add("A" + (r + 1) + ":" + SourceLocation.columnLetters(WIDTHS.length - 1) + (r + 1));
      return r + 1;
    }

    /** Opens a row; {@code lines} &gt; 0 gives it a height of that many lines. */
    private void row(int r, int lines) {
      b.append("<row r=\"").append(r + 1).append('"');
      if (lines > 0) {
        b.append(" ht=\"").append(15 * lines).append(".0\" customHeight=\"true\"");
      }
      b.append('>');
    }

    /** A text cell; text that a spreadsheet could take for a formula stays inert. */
    private void text(int r, int c, String value, int cellStyle) {
      String v = value == null ? "" : value;
      int s = cellStyle;
      if (InertText.looksLikeFormula(v)) {
        s = cellStyle == WRAP ? QUOTED_WRAP : QUOTED;
      }
      cell(r, c, s);
      b.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
          .append(SheetRowsXml.escape(v))
          .append("</t></is></c>");
    }

    /** A cell without a value: styled, or nothing at all when {@code cellStyle} is negative. */
    private void empty(int r, int c, int cellStyle) {
      b.append("<c r=\"").append(SourceLocation.columnLetters(c)).append(r + 1).append('"');
      if (cellStyle >= 0) {
        b.append(" s=\"").append(style.applyAsInt(cellStyle)).append('"');
      }
      b.append("/>");
    }

    private void cell(int r, int c, int cellStyle) {
      b.append("<c r=\"")
          .append(SourceLocation.columnLetters(c))
          .append(r + 1)
          .append("\" s=\"")
          .append(style.applyAsInt(cellStyle))
          .append('"');
    }

    /** The finding's cell reference, linked to the cell when the return is copied. */
    private void link(int r, int c, SourceLocation at, Set<String> copy) {
      String ref = FindingText.cell(at);
      if (copy != null && at.sheet() != null && copy.contains(at.sheet())) {
        cell(r, c, LINK);
        b.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            .append(SheetRowsXml.escape(ref.isEmpty() ? "sheet" : ref))
            .append("</t></is></c>");
        links
            .append("<hyperlink ref=\"")
            .append(SourceLocation.columnLetters(c))
            .append(r + 1)
            .append("\" location=\"")
            .append(
                SheetRowsXml.escape(
                    "'"
                        + at.sheet().replace("'", "''")
                        + "'!"
                        + SourceLocation.columnLetters(Math.max(0, at.column()))
                        + Math.max(1, at.row())))
            .append("\"/>");
      } else {
        text(r, c, ref, 0);
      }
    }
  }

  private static int severity(Severity s) {
    return switch (s) {
      case ERROR -> ERROR;
      case QUERY -> QUERY;
      case NOTICE -> NOTICE;
    };
  }

  /** A sheet name as a formula writes it: quoted unless it is a plain word. */
  static String quotedSheet(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_.]*") ? name : "'" + name.replace("'", "''") + "'";
  }

  /** Lines a wrapped text needs in a column about {@code width} characters wide. */
  static int lines(String text, int width) {
    return text == null || text.isEmpty() ? 1 : (text.length() + width - 1) / width;
  }
}
