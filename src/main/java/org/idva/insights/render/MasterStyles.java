package org.idva.insights.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The house styles, read from the template's {@code Styles} sheet: column A names a style, the cell
 * beside it in column B carries it (font, fill, border, number format). A designer restyles the
 * report by restyling those cells; the renderer copies them.
 */
final class MasterStyles {
  static final String SHEET = "Styles";

  /** Every style the renderer uses; {@code check-template} reports any that are missing. */
  static final List<String> REQUIRED =
      List.of(
          "page_title",
          "text",
          "narrative_heading",
          "narrative_text",
          "contents_section",
          "contents_link",
          "table_title",
          "table_base",
          "header_group",
          "header",
          "n_label",
          "n_value",
          "label",
          "label_indent",
          "label_missing",
          "label_subtotal",
          "label_total",
          "label_summary",
          "count",
          "pct",
          "value",
          "count_missing",
          "pct_missing",
          "count_subtotal",
          "pct_subtotal",
          "count_total",
          "pct_total",
          "value_summary",
          "suppressed",
          "footnote",
          "cf_rise",
          "cf_fall",
          "cf_better",
          "cf_worse",
          "cf_small_base",
          "cf_data_bar");

  private final Map<String, XSSFCellStyle> styles;
  private final Map<String, XSSFCellStyle> derived = new LinkedHashMap<>();
  private final XSSFWorkbook workbook;

  private MasterStyles(Map<String, XSSFCellStyle> styles, XSSFWorkbook workbook) {
    this.styles = styles;
    this.workbook = workbook;
  }

  /**
   * A house style with wrapped text and the given alignment (group headings, the label column's
   * heading), made once per workbook.
   */
  XSSFCellStyle wrapped(String key, HorizontalAlignment align) {
    return derived.computeIfAbsent(
        key + "|" + align,
        k -> {
          XSSFCellStyle base = get(key);
          XSSFCellStyle s = workbook.createCellStyle();
          s.cloneStyleFrom(base);
          s.setWrapText(true);
          s.setAlignment(align);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  /** The smallest font size, in points, of the house styles (printing never scales it below 8). */
  double smallestFont() {
    return styles.values().stream()
        .mapToDouble(s -> s.getFont().getFontHeightInPoints())
        .filter(p -> p > 0)
        .min()
        .orElse(10);
  }

  /** The styles found on the sheet (missing ones are simply absent; see {@link #missing()}). */
  static MasterStyles read(XSSFSheet sheet) {
    Map<String, XSSFCellStyle> found = new LinkedHashMap<>();
    if (sheet != null) {
      for (Row row : sheet) {
        Cell key = row.getCell(0);
        Cell sample = row.getCell(1);
        if (key != null
            && sample != null
            && key.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
          found.put(key.getStringCellValue().trim(), (XSSFCellStyle) sample.getCellStyle());
        }
      }
    }
    return new MasterStyles(found, sheet == null ? null : sheet.getWorkbook());
  }

  List<String> missing() {
    return REQUIRED.stream().filter(k -> !styles.containsKey(k)).toList();
  }

  XSSFCellStyle get(String key) {
    XSSFCellStyle s = styles.get(key);
    if (s == null) {
      throw new IllegalStateException(
          "The template's Styles sheet has no style \"" + key + "\"; run insights check-template");
    }
    return s;
  }

  /** The fill colour of a style's sample, for conditional formats and charts. */
  XSSFColor fill(String key) {
    return opaque(get(key).getFillForegroundColorColor(), (byte) 0xDD);
  }

  /** The font colour of a style's sample. */
  XSSFColor fontColor(String key) {
    return opaque(get(key).getFont().getXSSFColor(), (byte) 0);
  }

  /**
   * The colour as opaque ARGB (8 hex digits): conditional-format colours written as 6-digit RGB are
   * read as fully transparent by some readers.
   */
  static XSSFColor opaque(XSSFColor c, byte grey) {
    byte[] rgb = c == null ? null : c.getRGB();
    if (rgb == null || rgb.length < 3) {
      rgb = new byte[] {grey, grey, grey};
    }
    int o = rgb.length - 3;
    return new XSSFColor(new byte[] {(byte) 0xFF, rgb[o], rgb[o + 1], rgb[o + 2]});
  }
}
