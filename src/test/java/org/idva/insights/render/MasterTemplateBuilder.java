package org.idva.insights.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.idva.insights.report.SeedTables;

/**
 * Builds the first version of {@code workbook-templates/insights-master.xlsx}. The committed
 * workbook is the source of truth afterwards: a designer restyles or reorders it in Excel, and
 * {@code insights check-template} lints it. Rerun only to start again from scratch:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.idva.insights.render.MasterTemplateBuilder workbook-templates/insights-master.xlsx
 * </pre>
 */
public final class MasterTemplateBuilder {
  private static final String FONT = "Arial";
  private static final XSSFColor PURPLE = color(0x4B, 0x23, 0x5F);
  private static final XSSFColor LILAC = color(0xE9, 0xE1, 0xF0);
  private static final XSSFColor GREY = color(0x59, 0x59, 0x59);
  private static final XSSFColor WHITE = color(0xFF, 0xFF, 0xFF);

  private final XSSFWorkbook wb = new XSSFWorkbook();
  private final Map<String, XSSFCellStyle> styles = new LinkedHashMap<>();

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "workbook-templates/insights-master.xlsx");
    new MasterTemplateBuilder().build(out);
    System.out.println("Wrote " + out);
  }

  void build(Path out) throws IOException {
    JsonNode seed = SeedTables.load();
    defineStyles();
    cover();
    contents();
    notes();
    narrative("At a glance", "at-a-glance", "At a glance");
    narrative("Service of 100", "service-of-100", "Service of 100");
    narrative("Key findings", "key-findings", "Key findings");
    Map<String, List<String>> sections = new LinkedHashMap<>();
    for (JsonNode t : seed.get("tables")) {
      sections
          .computeIfAbsent(t.get("section").asText(), k -> new ArrayList<>())
          .add(t.get("id").asText());
    }
    for (Map.Entry<String, List<String>> e : sections.entrySet()) {
      section(e.getKey(), seed.path("section_notes").path(e.getKey()), e.getValue());
    }
    stylesSheet();
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      wb.write(o);
    }
    wb.close();
  }

  private void cover() {
    XSSFSheet s = wb.createSheet("Cover");
    s.setColumnWidth(0, 75 * 256);
    put(s, 1, "Insights Idva dataset {{report_label}}", "cover_title");
    put(s, 2, "Adult Independent domestic violence advisor (Idva) services", "cover_subtitle");
    put(s, 4, "{{scope}}", "narrative_heading");
    put(s, 5, "Reporting period: {{period}}", "text");
    put(
        s,
        6,
        "Generated on {{generated_on}} by Idva Insights from the services' quarterly returns.",
        "text");
    put(
        s,
        8,
        "This workbook holds every table of the annual outcomes report, with the two previous"
            + " years beside the reporting year. Start at the Contents sheet; the Notes sheet explains"
            + " bases, Missing and Don't know, symbols and the colours.",
        "text");
    put(
        s,
        10,
        "All figures are about people in danger. Do not share a service's workbook beyond"
            + " that service.",
        "footnote");
    pageSetup(s, false);
  }

  private void contents() {
    XSSFSheet s = wb.createSheet("Contents");
    s.setColumnWidth(0, 95 * 256);
    s.setColumnWidth(1, 45 * 256);
    put(s, 0, "Contents", "page_title");
    put(s, 1, CONTENTS_NOTE, "footnote");
    put(s, 3, "{{contents}}", "text");
    s.createFreezePane(0, 3);
    pageSetup(s, false);
  }

  static final String CONTENTS_NOTE =
      "One sheet per table, named by its number (3.12: section 3, table 12). Click a sheet or a"
          + " title to go to the table; each table sheet links back here. The last column is the"
          + " table's named range (Formulas > Name Manager, or type it in the Name box).";

  /** The Notes sheet's blocks after "Rounding" (the committed template carries the same). */
  static final String[][] NOTES_TAIL = {
    {
      "Named ranges",
      "Every table is an Excel named range called after its table id (Contents, last"
          + " column). An id that Excel could read as a cell reference is prefixed with"
          + " {{name_prefix}}."
    },
    {
      "c",
      "Not shown to protect confidentiality, in a single service's workbook only: a count from 1"
          + " to {{suppress_up_to}}, a % from which such a count could be worked out, and as many"
          + " other cells as it takes so that no such count can be worked out from the rest (see"
          + " docs/disclosure.md). The number of services and all-services figures are not"
          + " suppressed. Nothing from any other single service is shown."
    },
    {
      "[x]",
      "Not collected: the question was not asked that year (no case in the base has an answer)."
          + " The cells of that year are empty and carry no colour."
    },
    {"Blank", "The figure was not reported for that year or group."},
    {
      "Readings",
      "Where the published report contradicts itself, one reading is taken and printed"
          + " (docs/seed-deviations.md). Those that change a printed figure: clients supported"
          + " with criminal or civil justice are counted once (the report adds the two counts);"
          + " Dash ticks at intake and exit: the intake bands add up to n; Missing rows take the"
          + " rest of n where the report's rows leave cases nowhere (initial referral route,"
          + " police report timing, ILR need, child contact used for abuse); the average length"
          + " of abuse is the mean of the months recorded (the report's is below its own bands);"
          + " the median days to review is over whole days, reviews dated before their intake"
          + " left out; the headline figures print no n= (each is on its own base, named in the"
          + " line under the title). Change in levels of abuse follows the report: each row its"
          + " own base, exits whose level is Don't know or blank at exit left out, none at intake"
          + " and abuse at exit counted as increased."
    },
    {
      "Colours",
      "A table may say whether a higher % is better or worse (e.g. outcomes achieved: better;"
          + " agencies presenting challenges: worse). Its year-on-year change is then coloured as"
          + " better or worse; in every other table a change is coloured as a change only."
    },
  };

  private void notes() {
    XSSFSheet s = wb.createSheet("Notes");
    s.setColumnWidth(0, 20 * 256);
    s.setColumnWidth(1, 75 * 256);
    int r = 0;
    put(s, r++, "Notes: definitions, bases and symbols", "page_title");
    r++;
    String[][] blocks = {
      {
        "Years",
        "Each year runs April to March and is named by the year it ends in: {{year_periods}}."
            + " The reporting year shows a Count and a %; the two previous years show the % only."
      },
      {
        "Cases and clients",
        "Intake figures count cases opened in the year (one intake form each);"
            + " the client profile counts unique clients (duplicates removed). Exit figures count"
            + " cases closed in the year, matched to their intake form."
      },
      {
        "Base (n=)",
        "The n= row under each table's headings gives the number each % is of. Where"
            + " the question was only asked of some cases (e.g. \"If yes, what type?\") the base is"
            + " those cases; the line under the title says who they are."
      },
      {
        "Multiple answers",
        "Where a question allows several answers, the %s add up to more than 100%."
      },
      {
        "Missing",
        "The question was left blank on the form. Missing is shown as its own row so the"
            + " categories and Missing together add up to n."
      },
      {
        "Don't know",
        "The caseworker answered that they do not know. It is an answer, not a blank,"
            + " and is kept apart from Missing."
      },
      {
        "Subtotal, Total",
        "Bold rows add up the rows above them (\"Total Agree\" = Strongly agree"
            + " + Agree). Indented rows are a breakdown of the row above them."
      },
      {
        "Rounding",
        "Percentages are rounded to whole numbers, so they may not add up to exactly 100%."
      },
    };
    for (String[] b : blocks) {
      put(s, r, b[0], "narrative_heading");
      cell(s, r++, 1, b[1], "text");
    }
    blocks = NOTES_TAIL;
    for (String[] b : blocks) {
      put(s, r, b[0], "narrative_heading");
      cell(s, r++, 1, b[1], "text");
    }
    r++;
    put(s, r++, "Colours and bars (conditional formatting)", "narrative_heading");
    put(s, r, "{{legend}}", "text");
    r += 12; // the legend's lines
    put(
        s,
        r++,
        "Queries in the current returns, open and explained, by service",
        "narrative_heading");
    put(s, r, "{{queries}}", "text");
    pageSetup(s, false);
  }

  private void narrative(String name, String template, String title) {
    XSSFSheet s = wb.createSheet(name);
    s.setColumnWidth(0, 75 * 256);
    put(s, 0, title, "page_title");
    put(
        s,
        1,
        name.equals("Service of 100")
            ? "If an Idva service were to support 100 people across the year... ({{scope}}, {{period}})"
            : "{{scope}}, {{period}}",
        "footnote");
    put(s, 3, "{{narrative:" + template + "}}", "narrative_text");
    pageSetup(s, false);
  }

  private static final Map<String, String> CHARTS =
      Map.of(
          "referral_route", "H",
          "dash_ticks_intake", "H",
          "level_of_abuse_physical_intake_exit", "I",
          "level_of_abuse_sexual_intake_exit", "I",
          "level_of_abuse_harassment_stalking_intake_exit", "I",
          "level_of_abuse_jealous_controlling_intake_exit", "I",
          "client_reported_outcomes", "I",
          "needs_support_matrix", "I");

  /** Value columns: 10.5 characters, so a label and four figures fit an A4 landscape page. */
  static final int VALUE_COLUMN_WIDTH = 10 * 256 + 128;

  private void section(String name, JsonNode notes, List<String> ids) {
    XSSFSheet s = wb.createSheet(name);
    s.setColumnWidth(0, 54 * 256);
    for (int c = 1; c < 60; c++) {
      s.setColumnWidth(c, VALUE_COLUMN_WIDTH);
    }
    put(s, 0, name, "page_title");
    StringBuilder note = new StringBuilder();
    notes.forEach(n -> note.append(note.length() == 0 ? "" : " ").append(n.asText()));
    put(s, 1, note.length() == 0 ? "{{period}}" : note + " ({{period}})", "section_note");
    int r = 3;
    for (String id : ids) {
      put(s, r, "{{table:" + id + "}}", "text");
      String chartColumn = CHARTS.get(id);
      if (chartColumn != null) {
        cell(s, r, chartColumn.charAt(0) - 'A', "{{chart:" + id + "}}", "text");
      }
      r++;
    }
    pageSetup(s, true);
  }

  private void stylesSheet() {
    XSSFSheet s = wb.createSheet(MasterStyles.SHEET);
    s.setColumnWidth(0, 22 * 256);
    s.setColumnWidth(1, 40 * 256);
    s.setColumnWidth(2, 80 * 256);
    put(
        s,
        0,
        "House styles: restyle the cell in column B; the renderer copies it. Do not rename"
            + " column A. This sheet is removed from the rendered workbooks.",
        "footnote");
    int r = 2;
    for (Map.Entry<String, XSSFCellStyle> e : styles.entrySet()) {
      XSSFRow row = s.createRow(r++);
      row.createCell(0).setCellValue(e.getKey());
      var sample = row.createCell(1);
      sample.setCellStyle(e.getValue());
      String fmt = e.getValue().getDataFormatString();
      if (fmt != null && fmt.contains("%")) {
        sample.setCellValue(0.42);
      } else if (e.getKey().startsWith("count")
          || e.getKey().startsWith("n_value")
          || e.getKey().startsWith("value")) {
        sample.setCellValue(1234);
      } else {
        sample.setCellValue(e.getKey().equals("suppressed") ? "c" : "Sample " + e.getKey());
      }
    }
  }

  private void defineStyles() {
    style("cover_title", font(26, true, false, PURPLE), null, null, null);
    style("cover_subtitle", font(14, false, false, GREY), null, null, null);
    style("page_title", font(16, true, false, PURPLE), null, null, null);
    wrap(style("text", font(10, false, false, null), null, null, null));
    style("narrative_heading", font(12, true, false, PURPLE), null, null, null);
    wrap(style("narrative_text", font(11, false, false, null), null, null, null));
    style("contents_section", font(11, true, false, PURPLE), null, null, null);
    style("contents_link", font(10, false, true, color(0x05, 0x63, 0xC1)), null, null, null);
    style("table_title", font(11, true, false, PURPLE), null, null, null);
    style("table_base", font(9, false, false, GREY), null, null, null).getFont().setItalic(true);
    XSSFCellStyle hg =
        style("header_group", font(10, true, false, WHITE), PURPLE, null, HorizontalAlignment.LEFT);
    hg.setBorderBottom(BorderStyle.THIN);
    hg.setBottomBorderColor(WHITE);
    wrap(style("header", font(10, true, false, WHITE), PURPLE, null, HorizontalAlignment.RIGHT));
    style("n_label", font(9, false, false, GREY), LILAC, null, null);
    style("n_value", font(9, false, false, GREY), LILAC, "#,##0", HorizontalAlignment.RIGHT);
    style("label", font(10, false, false, null), null, null, null);
    style("label_indent", font(10, false, false, GREY), null, null, null).setIndention((short) 2);
    style("label_missing", font(10, false, false, GREY), null, null, null)
        .getFont()
        .setItalic(true);
    topBorder(style("label_subtotal", font(10, true, false, null), null, null, null));
    topBorder(style("label_total", font(10, true, false, null), LILAC, null, null));
    style("label_summary", font(10, false, false, null), null, null, null)
        .getFont()
        .setItalic(true);
    style("count", font(10, false, false, null), null, "#,##0", HorizontalAlignment.RIGHT);
    style("pct", font(10, false, false, null), null, "0%", HorizontalAlignment.RIGHT);
    style("value", font(10, false, false, null), null, "General", HorizontalAlignment.RIGHT);
    style("count_missing", font(10, false, false, GREY), null, "#,##0", HorizontalAlignment.RIGHT)
        .getFont()
        .setItalic(true);
    style("pct_missing", font(10, false, false, GREY), null, "0%", HorizontalAlignment.RIGHT)
        .getFont()
        .setItalic(true);
    topBorder(
        style(
            "count_subtotal",
            font(10, true, false, null),
            null,
            "#,##0",
            HorizontalAlignment.RIGHT));
    topBorder(
        style("pct_subtotal", font(10, true, false, null), null, "0%", HorizontalAlignment.RIGHT));
    topBorder(
        style(
            "count_total", font(10, true, false, null), LILAC, "#,##0", HorizontalAlignment.RIGHT));
    topBorder(
        style("pct_total", font(10, true, false, null), LILAC, "0%", HorizontalAlignment.RIGHT));
    style("value_summary", font(10, false, false, null), null, "#,##0.0", HorizontalAlignment.RIGHT)
        .getFont()
        .setItalic(true);
    style("suppressed", font(10, false, false, GREY), null, "@", HorizontalAlignment.RIGHT);
    style("footnote", font(9, false, false, GREY), null, null, null);
    wrap(style("section_note", font(9, false, false, GREY), null, null, null));
    style(
        "cf_rise",
        font(10, true, false, color(0x00, 0x44, 0x7A)),
        color(0xCC, 0xE4, 0xF6),
        "0%",
        HorizontalAlignment.RIGHT);
    style(
        "cf_fall",
        font(10, true, false, color(0x8A, 0x3B, 0x00)),
        color(0xFC, 0xE0, 0xC8),
        "0%",
        HorizontalAlignment.RIGHT);
    style(
        "cf_better",
        font(10, true, false, color(0x00, 0x5A, 0x32)),
        color(0xC8, 0xE6, 0xC9),
        "0%",
        HorizontalAlignment.RIGHT);
    style(
        "cf_worse",
        font(10, true, false, color(0x9C, 0x00, 0x06)),
        color(0xFF, 0xC7, 0xCE),
        "0%",
        HorizontalAlignment.RIGHT);
    style(
        "cf_small_base",
        font(10, false, false, color(0x80, 0x80, 0x80)),
        color(0xF2, 0xF2, 0xF2),
        "0%",
        HorizontalAlignment.RIGHT);
    style(
        "cf_data_bar",
        font(10, false, false, null),
        color(0xB4, 0xA7, 0xD6),
        "0%",
        HorizontalAlignment.RIGHT);
  }

  private XSSFCellStyle style(
      String key, XSSFFont font, XSSFColor fill, String format, HorizontalAlignment align) {
    XSSFCellStyle s = wb.createCellStyle();
    s.setFont(font);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    if (fill != null) {
      s.setFillForegroundColor(fill);
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    if (format != null) {
      s.setDataFormat(wb.createDataFormat().getFormat(format));
    }
    if (align != null) {
      s.setAlignment(align);
    }
    styles.put(key, s);
    return s;
  }

  private static void wrap(XSSFCellStyle s) {
    s.setWrapText(true);
  }

  private static void topBorder(XSSFCellStyle s) {
    s.setBorderTop(BorderStyle.THIN);
  }

  private XSSFFont font(int points, boolean bold, boolean underline, XSSFColor color) {
    XSSFFont f = wb.createFont();
    f.setFontName(FONT);
    f.setFontHeightInPoints((short) points);
    f.setBold(bold);
    if (underline) {
      f.setUnderline(XSSFFont.U_SINGLE);
    }
    if (color != null) {
      f.setColor(color);
    }
    return f;
  }

  private void put(XSSFSheet s, int r, String text, String style) {
    cell(s, r, 0, text, style);
  }

  private void cell(XSSFSheet s, int r, int c, String text, String style) {
    XSSFRow row = s.getRow(r) != null ? s.getRow(r) : s.createRow(r);
    var cell = row.createCell(c);
    cell.setCellValue(text);
    cell.setCellStyle(styles.get(style));
  }

  private static void pageSetup(XSSFSheet s, boolean landscape) {
    s.setFitToPage(true);
    PrintSetup ps = s.getPrintSetup();
    ps.setLandscape(landscape);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    s.getFooter().setCenter("Idva Insights - &A - page &P of &N");
  }

  private static XSSFColor color(int r, int g, int b) {
    return new XSSFColor(new byte[] {(byte) 0xFF, (byte) r, (byte) g, (byte) b});
  }
}
