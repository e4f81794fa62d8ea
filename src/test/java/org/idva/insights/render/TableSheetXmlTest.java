package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A table sheet written by {@link TableSheetXml} is the sheet POI writes for the same content:
 * seeded random cells (text, numbers, booleans, blanks, styles), row heights, merged cells, a link,
 * frozen panes, print set-up and a page break, under a section's copied head, compared element by
 * element and attribute by attribute (attribute order aside).
 */
class TableSheetXmlTest {
  private static final String[] WORDS = {"n=", "c", "Police", "2023 %", "", "Back", "[x]", "é & <"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 17, 2024})
  void sameXmlAsPoi(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] template;
    try (XSSFWorkbook blank = new XSSFWorkbook()) {
      XSSFSheet source = blank.createSheet("Section");
      for (int c = 0; c < 12; c++) {
        source.setColumnWidth(c, 256 * (6 + random.nextInt(50)));
      }
      source.setDefaultRowHeight((short) (280 + random.nextInt(3) * 20));
      XSSFCellStyle big = blank.createCellStyle();
      var font = blank.createFont();
      font.setFontHeightInPoints((short) 16);
      big.setFont(font);
      Row title = source.createRow(0);
      title.createCell(0).setCellValue("Section " + seed);
      title.getCell(0).setCellStyle(big);
      title.setHeightInPoints(24.35f);
      source.createRow(1).createCell(2).setCellValue(42.5);
      source.getRow(1).createCell(3).setCellValue(true);
      source.getFooter().setCenter("Idva Insights - &A - page &P of &N");
      source.getHeader().setRight("Official & sensitive");
      for (PageMargin m : PageMargin.values()) {
        source.setMargin(m, 0.2 + random.nextInt(5) / 10.0);
      }
      for (int s = 0; s < 6; s++) {
        XSSFCellStyle style = blank.createCellStyle();
        style.setWrapText(s % 2 == 0);
        style.setIndention((short) s);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      blank.write(out);
      template = out.toByteArray();
    }
    int styles;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (ReportWorkbook wb = new ReportWorkbook(new ByteArrayInputStream(template))) {
      styles = wb.getNumCellStyles();
      XSSFSheet source = wb.getSheet("Section");
      XSSFSheet poi = wb.createSheet("poi");
      SectionHead head = new SectionHead(source, 3);
      TableSheet ours = new TableSheet("ours", head);
      wb.order(
          List.of(
              new ReportWorkbook.Entry("Section", null),
              new ReportWorkbook.Entry("poi", null),
              new ReportWorkbook.Entry("ours", ours)),
          3);
      SharedText text = new SharedText(wb);
      copyHeadWithPoi(source, poi, 3);
      head.copyTo(ours, text);

      int rows = 4 + random.nextInt(30);
      for (int r = 3; r < rows; r++) {
        if (random.nextInt(6) == 0) {
          continue; // a row never made
        }
        Row row = poi.createRow(r);
        ours.grid.row(r);
        int columns = random.nextInt(12);
        for (int n = 0; n < columns; n++) {
          int c = random.nextInt(14);
          int style = random.nextInt(styles);
          Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
          cell.setCellStyle(wb.getCellStyleAt(style));
          ours.grid.style(r, c, style);
          switch (random.nextInt(4)) {
            case 0 -> {
              String w = WORDS[random.nextInt(WORDS.length)];
              cell.setCellValue(w);
              text.set(ours.grid, r, c, w);
            }
            case 1 -> {
              double v = random.nextInt(3) == 0 ? random.nextInt(5000) : random.nextDouble();
              cell.setCellValue(v);
              ours.grid.number(r, c, v);
            }
            case 2 -> {
              boolean b = random.nextBoolean();
              cell.setCellValue(b);
              ours.grid.bool(r, c, b);
            }
            default -> {}
          }
        }
        if (random.nextInt(3) == 0) {
          float points = 15 + random.nextFloat() * 30;
          row.setHeightInPoints(points);
          ours.rowHeightPoints(r, points);
        }
      }
      CellRangeAddress merged = new CellRangeAddress(3, 3, 1, 4);
      poi.addMergedRegion(merged);
      ours.merge(merged);
      Cell back =
          poi.getRow(2) == null ? poi.createRow(2).createCell(0) : poi.getRow(2).createCell(0);
      back.setCellValue("Back to Contents");
      XSSFHyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
      link.setAddress("'Contents'!A1");
      back.setHyperlink(link);
      ours.grid.blank(2, 0, 0);
      text.set(ours.grid, 2, 0, "Back to Contents");
      ours.link(2, 0, "'Contents'!A1");
      int freezeColumns = random.nextInt(3);
      int freezeRows = 1 + random.nextInt(8);
      poi.createFreezePane(freezeColumns, freezeRows);
      ours.freezeColumns = freezeColumns;
      ours.freezeRows = freezeRows;
      int scale = 40 + random.nextInt(61);
      poi.setFitToPage(false);
      poi.setAutobreaks(false);
      PrintSetup ps = poi.getPrintSetup();
      ps.setLandscape(true);
      ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
      ps.setScale((short) scale);
      ours.printScale = scale;
      int rowBreak = 3 + random.nextInt(20);
      poi.setRowBreak(rowBreak);
      ours.rowBreak = rowBreak;
      wb.writeReport(written);
    }
    Map<String, byte[]> parts = parts(written.toByteArray());
    Element expected = root(parts.get("xl/worksheets/sheet2.xml"));
    Element actual = root(parts.get("xl/worksheets/sheet3.xml"));
    assertThat(describe(actual)).isEqualTo(describe(expected));
    try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()))) {
      XSSFSheet ours = back.getSheet("ours");
      assertThat(ours.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Section " + seed);
      assertThat(ours.getRow(2).getCell(0).getHyperlink().getAddress()).isEqualTo("'Contents'!A1");
    }
  }

  /** What the renderer did with POI before table sheets had their own XML. */
  private static void copyHeadWithPoi(XSSFSheet source, XSSFSheet target, int rows) {
    for (int c = 0; c < SectionHead.COLUMNS; c++) {
      target.setColumnWidth(c, source.getColumnWidth(c));
    }
    target.setDefaultRowHeight(source.getDefaultRowHeight());
    for (int r = 0; r < rows; r++) {
      Row from = source.getRow(r);
      if (from == null) {
        continue;
      }
      Row to = target.createRow(r);
      if (from.isFormatted() || from.getHeight() != source.getDefaultRowHeight()) {
        to.setHeight(from.getHeight());
      }
      for (Cell cell : from) {
        Cell copy = to.createCell(cell.getColumnIndex());
        copy.setCellStyle(cell.getCellStyle());
        switch (cell.getCellType()) {
          case STRING -> copy.setCellValue(cell.getStringCellValue());
          case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
          case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
          default -> {}
        }
      }
    }
    target.getHeader().setLeft(source.getHeader().getLeft());
    target.getHeader().setCenter(source.getHeader().getCenter());
    target.getHeader().setRight(source.getHeader().getRight());
    target.getFooter().setLeft(source.getFooter().getLeft());
    target.getFooter().setCenter(source.getFooter().getCenter());
    target.getFooter().setRight(source.getFooter().getRight());
    for (PageMargin m : PageMargin.values()) {
      target.setMargin(m, source.getMargin(m));
    }
  }

  private static Map<String, byte[]> parts(byte[] zip) throws Exception {
    Map<String, byte[]> parts = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  private static Element root(byte[] xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
  }

  /** The element as lines: path, sorted attributes and text, children in order. */
  private static List<String> describe(Element e) {
    List<String> out = new ArrayList<>();
    describe(e, "", out);
    return out;
  }

  private static void describe(Element e, String path, List<String> out) {
    String here = path + "/" + e.getLocalName();
    Map<String, String> attributes = new TreeMap<>();
    NamedNodeMap a = e.getAttributes();
    for (int i = 0; i < a.getLength(); i++) {
      Node n = a.item(i);
      if (!"http://www.w3.org/2000/xmlns/".equals(n.getNamespaceURI())) {
        attributes.put(n.getLocalName(), n.getNodeValue());
      }
    }
    StringBuilder text = new StringBuilder();
    List<Element> children = new ArrayList<>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        children.add(child);
      } else if (c.getNodeType() == Node.TEXT_NODE) {
        text.append(c.getNodeValue().strip());
      }
    }
    out.add(here + " " + attributes + (text.length() > 0 ? " \"" + text + "\"" : ""));
    for (Element c : children) {
      describe(c, here, out);
    }
  }
}
