package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text set through {@link SharedText} is the cell {@code setCellValue(String)} makes. */
class SharedTextTest {
  private static final List<String> TEXTS =
      List.of("n=", "2023 %", "n=", "", "c", " spaced ", "2023 %", "n=", "c", "x".repeat(300));

  @Test
  void sameCellsAsSetCellValue() throws Exception {
    try (XSSFWorkbook plain = new XSSFWorkbook();
        XSSFWorkbook shared = new XSSFWorkbook()) {
      XSSFSheet a = plain.createSheet("a");
      XSSFSheet b = shared.createSheet("a");
      SharedText text = new SharedText();
      Row ra = a.createRow(0);
      Row rb = b.createRow(0);
      for (int i = 0; i < TEXTS.size(); i++) {
        ra.createCell(i).setCellValue(TEXTS.get(i));
        text.set(rb.createCell(i), TEXTS.get(i));
      }
      // a cell holding a number already is overwritten as setCellValue would
      ra.createCell(20).setCellValue(3);
      ra.getCell(20).setCellValue("n=");
      rb.createCell(20).setCellValue(3);
      text.set(rb.getCell(20), "n=");
      for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20}) {
        XSSFCell x = (XSSFCell) ra.getCell(i);
        XSSFCell y = (XSSFCell) rb.getCell(i);
        assertThat(y.getStringCellValue()).isEqualTo(x.getStringCellValue());
        assertThat(y.getCTCell().xmlText()).as("cell " + i).isEqualTo(x.getCTCell().xmlText());
      }
      assertThat(shared.getSharedStringSource().getUniqueCount())
          .isEqualTo(plain.getSharedStringSource().getUniqueCount())
          .isEqualTo(6);
    }
  }
}
