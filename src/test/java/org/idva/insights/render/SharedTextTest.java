package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text set through {@link SharedText} gets the index {@code setCellValue(String)} gives it. */
class SharedTextTest {
  private static final List<String> TEXTS =
      List.of("n=", "2023 %", "n=", "", "c", " spaced ", "2023 %", "n=", "c", "x".repeat(300));

  @Test
  void sameIndexesAsSetCellValue() throws Exception {
    try (XSSFWorkbook plain = new XSSFWorkbook();
        XSSFWorkbook shared = new XSSFWorkbook()) {
      Row ra = plain.createSheet("a").createRow(0);
      SharedText text = new SharedText(shared);
      SheetGrid grid = new SheetGrid();
      for (int i = 0; i < TEXTS.size(); i++) {
        ra.createCell(i).setCellValue(TEXTS.get(i));
        text.set(grid, 0, i, TEXTS.get(i));
      }
      SheetGrid.Row rb = grid.row(0);
      for (int i = 0; i < TEXTS.size(); i++) {
        int index =
            Integer.parseInt(
                ((org.apache.poi.xssf.usermodel.XSSFCell) ra.getCell(i)).getCTCell().getV());
        assertThat((int) rb.values[rb.find(i)]).as("cell " + i).isEqualTo(index);
        assertThat(rb.text(i)).isEqualTo(TEXTS.get(i));
        assertThat(shared.getSharedStringSource().getItemAt(index).getString())
            .isEqualTo(TEXTS.get(i));
      }
      assertThat(shared.getSharedStringSource().getUniqueCount())
          .isEqualTo(plain.getSharedStringSource().getUniqueCount())
          .isEqualTo(6);
    }
  }

  @Test
  void aNullTextLeavesTheCellBlankWithItsStyle() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SharedText text = new SharedText(wb);
      SheetGrid grid = new SheetGrid();
      grid.style(0, 2, 7);
      text.set(grid, 0, 2, "was here");
      text.set(grid, 0, 2, null);
      SheetGrid.Row row = grid.row(0);
      int at = row.find(2);
      assertThat(row.types[at]).isEqualTo(SheetGrid.BLANK);
      assertThat(row.styles[at]).isEqualTo(7);
      assertThat(row.text(2)).isNull();
    }
  }

  @Test
  void refusesTextLongerThanACellHolds() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SharedText text = new SharedText(wb);
      assertThatThrownBy(() -> text.index("x".repeat(32768)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32767");
    }
  }
}
