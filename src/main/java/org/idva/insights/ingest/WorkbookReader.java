package org.idva.insights.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReadProblem;
import org.idva.insights.model.ReturnReadException;

/**
 * Opens a return file as a {@link RawWorkbook}, deciding what the file is from its bytes: an .xlsx
 * (streamed with fastexcel-reader after a safety inspection of the zip), a legacy .xls (POI HSSF),
 * or a problem (not a workbook, CSV or ODS renamed, corrupt, password-protected, zip bomb, XML
 * entities) thrown as a {@link ReturnReadException}.
 */
public final class WorkbookReader {
  private final ZipInspector inspector;
  private final ReadLimits limits;

  /** A reader with the limits of the system properties (the defaults when unset). */
  public WorkbookReader() {
    this(ReadLimits.fromSystemProperties());
  }

  public WorkbookReader(ReadLimits limits) {
    this.limits = limits;
    this.inspector = new ZipInspector(limits);
  }

  /**
   * Opens a return; the caller closes it.
   *
   * @throws ReturnReadException when the file cannot be used as a return at all
   * @throws IOException when the file cannot be read from disk
   */
  public RawWorkbook open(Path file) throws IOException {
    return new LimitedWorkbook(openUnlimited(file), limits.rowsPerSheet());
  }

  private RawWorkbook openUnlimited(Path file) throws IOException {
    FileKind kind = FileKind.of(file);
    return switch (kind) {
      case ZIP -> openXlsx(file);
      case OLE2 -> openOle2(file);
      case EMPTY -> throw new ReturnReadException(ReadProblem.EMPTY_FILE, "the file is empty");
      case TEXT -> throw textProblem(file);
      case OTHER ->
          throw new ReturnReadException(
              ReadProblem.NOT_A_WORKBOOK, "the file is not a spreadsheet");
    };
  }

  private RawWorkbook openXlsx(Path file) throws ReturnReadException {
    ZipInspector.Inspection inspection = inspector.inspect(file, ZipInspector.KEEP_BYTES);
    return new FastexcelWorkbook(file, inspection.merged(), inspection.parts());
  }

  private RawWorkbook openOle2(Path file) throws IOException {
    POIFSFileSystem fs;
    try {
      fs = new POIFSFileSystem(file.toFile(), true);
    } catch (IOException | RuntimeException e) {
      throw new ReturnReadException(
          ReadProblem.CORRUPT, "the file is damaged or incomplete (" + e.getMessage() + ")", e);
    }
    try {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        throw new ReturnReadException(
            ReadProblem.PASSWORD_PROTECTED, "the workbook is protected with a password to open");
      }
      if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
        throw new ReturnReadException(
            ReadProblem.NOT_A_WORKBOOK,
            "the file is an old-style Office document but not an Excel workbook");
      }
      long size = Files.size(file);
      if (size > limits.legacyFileBytes()) {
        throw new ReturnReadException(
            ReadProblem.TOO_LARGE,
            String.format(
                "the legacy .xls file is %,d bytes, over %,d (%s)",
                size,
                limits.legacyFileBytes(),
                ReadLimits.limit("legacy-file-bytes", limits.legacyFileBytes())));
      }
      HssfWorkbook wb = new HssfWorkbook(file, fs);
      fs.close();
      return wb;
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  private static ReturnReadException textProblem(Path file) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(2048), StandardCharsets.ISO_8859_1);
    }
    String firstLine = head.lines().findFirst().orElse("");
    String lower = head.stripLeading().toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("<")) {
      return new ReturnReadException(
          ReadProblem.NOT_A_WORKBOOK,
          "the file is XML or HTML text, not an Excel workbook (was it saved as a web page?)");
    }
    if (firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t")) {
      return new ReturnReadException(
          ReadProblem.CSV_RENAMED, "the file is comma-separated text (CSV), not an Excel workbook");
    }
    return new ReturnReadException(
        ReadProblem.NOT_A_WORKBOOK, "the file is plain text, not an Excel workbook");
  }
}
