package org.idva.insights.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Writes a filled return in exactly the blank template's layout: the template's sheets, the About
 * sheet filled in (service code, quarter, contact; template version as printed), the header row of
 * every sheet, then one row per form row: code labels (not codes) in coded cells, {@code Yes} in
 * the ticked option columns of a multi-select question, real Excel dates shown dd/mm/yyyy, whole
 * numbers as numbers.
 *
 * <p>The template (styles, drop-downs, input messages, the Lists sheet) is built once per writer
 * ({@link ReturnTemplateParts}); each return copies its parts and streams its rows straight into
 * the zip as sheet XML ({@link SheetRowsXml}), so a large return needs little heap and a thousand
 * returns do not rebuild the template a thousand times. Safe to share between threads: each write
 * keeps its own state.
 *
 * <p>A value that is a {@code String} where the field wants a code, a date or a number is written
 * as typed text: that is how the sample data makes its deliberate slips.
 */
public final class ReturnWorkbookWriter {
  /** The time stamped on every zip part: 1 January 2000, local time (zip stores no zone). */
  static final long PART_TIME =
      java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
          .atZone(java.time.ZoneId.systemDefault())
          .toInstant()
          .toEpochMilli();

  private final Schema schema;
  private ReturnTemplateParts template;

  public ReturnWorkbookWriter(Schema schema) {
    this.schema = schema;
  }

  /** Writes the return to {@code file} atomically. */
  public void write(ReturnContent content, Path file) throws IOException {
    AtomicFile.write(file, out -> write(content, out));
  }

  public void write(ReturnContent content, OutputStream out) throws IOException {
    ReturnTemplateParts parts = template();
    Map<String, List<FormRow>> bySheet = new LinkedHashMap<>();
    for (SheetDefinition def : schema.sheets()) {
      bySheet.put(def.ref(), new ArrayList<>());
    }
    for (FormRow row : content.rows()) {
      List<FormRow> rows = bySheet.get(row.sheet());
      if (rows == null) {
        throw new IllegalArgumentException("no sheet " + row.sheet() + " in the return schema");
      }
      rows.add(row);
    }
    ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out));
    zip.setLevel(6);
    for (Map.Entry<String, byte[]> part : parts.parts().entrySet()) {
      String name = part.getKey();
      ZipEntry entry = new ZipEntry(name);
      entry.setTime(PART_TIME); // the same content gives the same bytes, whenever it is written
      zip.putNextEntry(entry);
      if (name.equals(parts.sharedStringsPart())) {
        zip.write(parts.sharedStrings(content));
      } else if (parts.formSheet(name) != null) {
        SheetDefinition def = parts.formSheet(name);
        parts.writeFormSheet(def, bySheet.get(def.ref()), content.headerSlips(), zip);
      } else {
        zip.write(part.getValue());
      }
      zip.closeEntry();
    }
    zip.close(); // ends the deflater now; out stays open
  }

  private synchronized ReturnTemplateParts template() {
    if (template == null) {
      template = ReturnTemplateParts.build(schema);
    }
    return template;
  }
}
