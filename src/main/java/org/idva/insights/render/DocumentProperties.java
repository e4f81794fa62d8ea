package org.idva.insights.render;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Sets a workbook's title, subject and creator. */
final class DocumentProperties {
  /** A fixed creation date keeps regenerated files byte-comparable in their properties. */
  private static final Date FIXED =
      Date.from(LocalDate.of(2023, 4, 1).atStartOfDay().toInstant(ZoneOffset.UTC));

  private DocumentProperties() {}

  static void set(XSSFWorkbook wb, String title, String subject) {
    var core = wb.getProperties().getCoreProperties();
    core.setTitle(title);
    core.setSubjectProperty(subject);
    core.setCreator("Idva Insights");
    core.setCreated(Optional.of(FIXED));
    core.setModified(Optional.of(FIXED));
  }
}
