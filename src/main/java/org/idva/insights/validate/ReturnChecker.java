package org.idva.insights.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.Explanation;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawSheet;
import org.idva.insights.model.RawWorkbook;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnOrigin;
import org.idva.insights.model.ReturnReadException;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one return against the form schemas: the file, its About sheet, its sheets and headers
 * (all before any data row, so a structurally wrong return is rejected before anything is used),
 * then every row. Gives a {@link CheckedReturn}: status, findings and the rows fit to store.
 */
public final class ReturnChecker {
  private static final Logger LOG = LoggerFactory.getLogger(ReturnChecker.class);

  /** Sheet names the template itself adds besides the forms. */
  static final String ABOUT = "About";

  static final String LISTS = "Lists";
  static final String LABEL_SERVICE = "Service code";
  static final String LABEL_QUARTER = "Reporting quarter";
  static final String LABEL_VERSION = "Template version";

  private final Schema schema;
  private final KnownCases known;

  /** Made once per checker, not per return: one per schema sheet, in schema order. */
  private final List<HeaderMatcher> matchers;

  private final IssuesSheetReader issues;

  private final Values.Lookups lookups = new Values.Lookups();

  public ReturnChecker(Schema schema, KnownCases known) {
    this.schema = schema;
    this.known = known;
    HeaderWords words = new HeaderWords(schema.headerWords());
    this.matchers = schema.sheets().stream().map(s -> new HeaderMatcher(s, words)).toList();
    this.issues = new IssuesSheetReader(schema);
  }

  public ReturnChecker(Schema schema) {
    this(schema, KnownCases.NONE);
  }

  /** Checks an opened return, keeping the clean rows in the result. */
  public CheckedReturn check(Path file, RawWorkbook wb) throws IOException {
    return check(file, ReturnOrigin.of(file), wb);
  }

  /**
   * Checks an opened return that came from {@code origin} (its name as sent and when it was
   * received; {@code file} is where its bytes are kept), keeping the clean rows in the result.
   */
  public CheckedReturn check(Path file, ReturnOrigin origin, RawWorkbook wb) throws IOException {
    List<FormRow> rows = new ArrayList<>();
    Result r = check(file, origin, wb, rows::add);
    return new CheckedReturn(
        r.info(),
        r.status(),
        r.findings(),
        r.status() == ReturnStatus.REJECTED ? List.of() : rows,
        r.explanations());
  }

  /** The outcome of a streamed check: the rows went to the sink. */
  public record Result(
      ReturnInfo info,
      ReturnStatus status,
      List<org.idva.insights.model.Finding> findings,
      long rows,
      List<Explanation> explanations) {
    public CheckedReturn withoutRows() {
      return new CheckedReturn(info, status, findings, List.of(), explanations);
    }
  }

  /**
   * Checks an opened return, handing each clean row to {@code sink} as it is read (memory does not
   * grow with rows). A rejected return hands none.
   */
  public Result check(Path file, RawWorkbook wb, Consumer<FormRow> sink) throws IOException {
    return check(file, ReturnOrigin.of(file), wb, sink);
  }

  /** {@link #check(Path, RawWorkbook, Consumer)} for a return that came from {@code origin}. */
  public Result check(Path file, ReturnOrigin origin, RawWorkbook wb, Consumer<FormRow> sink)
      throws IOException {
    String name = origin.fileName();
    KnownCases known = this.known.forOneReturn();
    Findings findings = new Findings();
    Optional<ReturnFileName> fromName = fileName(name, findings);
    About about = readAbout(wb, name, findings);
    String service =
        about.service != null ? about.service : fromName.map(ReturnFileName::service).orElse(null);
    ReportingQuarter quarter =
        about.quarter != null ? about.quarter : fromName.map(ReturnFileName::quarter).orElse(null);
    known.returnMayBeFor(
        java.util.Arrays.asList(about.service, fromName.map(ReturnFileName::service).orElse(null)));
    if (about.present && fromName.isPresent()) {
      ReturnFileName n = fromName.get();
      boolean serviceDiffers =
          about.service != null && !about.service.equalsIgnoreCase(n.service());
      boolean quarterDiffers = about.quarter != null && !about.quarter.equals(n.quarter());
      if (serviceDiffers || quarterDiffers) {
        findings.add(
            Check.ABOUT_FILE_NAME_MISMATCH,
            about.at,
            (about.service == null ? "?" : about.service)
                + ", "
                + (about.quarter == null ? "?" : about.quarter.label()),
            ReturnFileName.of(n.service(), n.quarter())
                + " is for "
                + n.service()
                + ", "
                + n.quarter().label(),
            "Make the About sheet and the file name agree (both name the service and the quarter),"
                + " then send the return again.");
      }
    }
    ReturnInfo info =
        new ReturnInfo(name, service, quarter, sha256(file, origin), origin.received());

    Map<SheetDefinition, SheetLayout> layouts = new LinkedHashMap<>();
    boolean anySheet = about.present;
    for (HeaderMatcher matcher : matchers) {
      SheetDefinition def = matcher.sheet();
      Optional<RawSheet> sheet = wb.sheet(def.sheetName());
      if (sheet.isEmpty()) {
        findings.add(
            Check.MISSING_SHEET,
            SourceLocation.ofSheet(name, def.sheetName()),
            "",
            "a sheet named '" + def.sheetName() + "'",
            "Add the sheet '"
                + def.sheetName()
                + "' from the blank template (leave it empty if"
                + " you have no "
                + def.title()
                + " rows).");
        continue;
      }
      anySheet = true;
      RawSheet raw = sheet.get();
      if (raw.visibility() != RawSheet.Visibility.VISIBLE) {
        findings.add(
            Check.HIDDEN_SHEET,
            SourceLocation.ofSheet(name, raw.name()),
            raw.visibility() == RawSheet.Visibility.VERY_HIDDEN ? "very hidden" : "hidden",
            "a visible sheet",
            "Unhide the sheet (right-click a sheet tab, Unhide) and check its rows; they were read.");
      }
      SheetLayout layout = new SheetLayout(matcher, raw);
      layout.find(wb, name, findings);
      layouts.put(def, layout);
    }
    unknownSheets(wb, name, findings);
    if (!anySheet && isEmpty(wb)) {
      Findings empty = new Findings();
      empty.add(
          Check.EMPTY_WORKBOOK,
          SourceLocation.ofFile(name),
          "",
          "the About sheet and one sheet per form, as in the blank template",
          "Fill in the blank return template and send it again.");
      fileName(name, empty);
      return new Result(info, ReturnStatus.REJECTED, empty.all(), 0, List.of());
    }
    if (findings.rejected()) {
      LOG.info("{}: rejected before reading rows", name);
      return new Result(info, ReturnStatus.REJECTED, findings.all(), 0, List.of());
    }

    RowChecker.Context ctx =
        new RowChecker.Context(
            name, service, quarter, known, new Values(wb.date1904(), lookups), findings);
    long kept = 0;
    for (SheetLayout layout : ordered(layouts)) {
      String caseKey = schema.form(layout.definition.form()).orElseThrow().main().key().get(0);
      RowChecker rows = new RowChecker(ctx, layout, caseKey, sink);
      wb.readRows(layout.sheet, rows::row);
      kept += rows.kept();
    }
    ReturnStatus status =
        findings.hasErrors()
            ? ReturnStatus.PARTIALLY_ACCEPTED
            : findings.hasQueries() ? ReturnStatus.ACCEPTED_WITH_QUERIES : ReturnStatus.ACCEPTED;
    LOG.info("{}: {} ({} rows kept)", name, status.label(), kept);
    return new Result(
        info, status, findings.all(), kept, issues.read(wb, service, info.received()));
  }

  /**
   * The result for a file that could not be opened at all: rejected, with the reader's problem as
   * its one finding.
   */
  public CheckedReturn unreadable(Path file, ReturnReadException problem) throws IOException {
    return unreadable(file, ReturnOrigin.of(file), problem);
  }

  /** {@link #unreadable(Path, ReturnReadException)} for a return that came from {@code origin}. */
  public CheckedReturn unreadable(Path file, ReturnOrigin origin, ReturnReadException problem)
      throws IOException {
    String name = origin.fileName();
    Optional<ReturnFileName> fromName = ReturnFileName.parse(name);
    Check check =
        switch (problem.problem()) {
          case NOT_A_WORKBOOK -> Check.NOT_A_WORKBOOK;
          case CSV_RENAMED -> Check.CSV_RENAMED;
          case ODS_RENAMED -> Check.ODS_RENAMED;
          case CORRUPT -> Check.CORRUPT_FILE;
          case PASSWORD_PROTECTED -> Check.PASSWORD_PROTECTED;
          case TOO_LARGE -> Check.FILE_TOO_LARGE;
          case XML_ENTITIES -> Check.XML_ENTITIES;
          case EMPTY_FILE -> Check.EMPTY_FILE;
          case STRICT_OPEN_XML -> Check.STRICT_OPEN_XML;
        };
    String fix =
        switch (check) {
          case PASSWORD_PROTECTED ->
              "Remove the password (File, Info, Protect Workbook, Encrypt with Password: clear it)"
                  + " and send the file again.";
          case CSV_RENAMED, ODS_RENAMED, NOT_A_WORKBOOK ->
              "Open the return in Excel and save it as an Excel Workbook (.xlsx), then send that.";
          case STRICT_OPEN_XML ->
              "In Excel choose File, Save As, and the type 'Excel Workbook (*.xlsx)' (not 'Strict"
                  + " Open XML Spreadsheet'), then send that file.";
          case FILE_TOO_LARGE ->
              "Send only the return: copy its sheets' rows into a new blank return template and"
                  + " send that (ask the analyst if a return really needs more).";
          default -> "Open the return in Excel, save it again as .xlsx and send the new file.";
        };
    Findings findings = new Findings();
    findings.add(check, SourceLocation.ofFile(name), "", problem.getMessage(), fix);
    fileName(name, findings);
    ReturnInfo info =
        new ReturnInfo(
            name,
            fromName.map(ReturnFileName::service).orElse(null),
            fromName.map(ReturnFileName::quarter).orElse(null),
            sha256(file, origin),
            origin.received());
    return new CheckedReturn(info, ReturnStatus.REJECTED, findings.all(), List.of());
  }

  private static Optional<ReturnFileName> fileName(String name, Findings findings) {
    Optional<ReturnFileName> parsed = ReturnFileName.parse(name);
    if (parsed.isEmpty()) {
      findings.add(
          Check.FILE_NAME_UNEXPECTED,
          SourceLocation.ofFile(name),
          name,
          "a name like SVC01_2022-23-Q1.xlsx (service code, reporting year, quarter)",
          "Name the file after your service code and the quarter next time.");
    }
    return parsed;
  }

  /** The About sheet's answers. */
  private static final class About {
    boolean present;
    String service;
    ReportingQuarter quarter;
    String version;
    SourceLocation at;
    final Map<String, SourceLocation> where = new HashMap<>();
  }

  private About readAbout(RawWorkbook wb, String name, Findings findings) throws IOException {
    About about = new About();
    Optional<RawSheet> sheet = wb.sheet(ABOUT);
    about.at = SourceLocation.ofSheet(name, ABOUT);
    if (sheet.isEmpty()) {
      findings.add(
          Check.ABOUT_MISSING,
          SourceLocation.ofFile(name),
          "",
          "a sheet named 'About' with the service code, quarter and template version",
          "Use the blank return template: copy your rows into it and fill in its About sheet.");
      return about;
    }
    about.present = true;
    Map<String, String> values = new HashMap<>();
    int[] seen = {0};
    wb.readRows(
        sheet.get(),
        row -> {
          RawCell label = row.cell(0);
          RawCell value = row.cell(1);
          if (label != null && !label.isBlank()) {
            String key = Text.fold(label.text());
            values.putIfAbsent(key, value == null || value.isBlank() ? null : value.text().strip());
            about.where.putIfAbsent(
                key, new SourceLocation(name, sheet.get().name(), row.rowNumber(), 1));
          }
          return ++seen[0] < 200;
        });
    about.service = values.get(Text.fold(LABEL_SERVICE));
    String q = values.get(Text.fold(LABEL_QUARTER));
    about.quarter = q == null ? null : ReportingQuarter.parse(q).orElse(null);
    about.version = values.get(Text.fold(LABEL_VERSION));
    SourceLocation serviceAt = about.where.get(Text.fold(LABEL_SERVICE));
    if (serviceAt != null) {
      about.at = serviceAt;
    }
    if (about.service == null) {
      aboutMissing(name, about, LABEL_SERVICE, "your service code, e.g. SVC01", findings);
    } else {
      about.service = about.service.toUpperCase(java.util.Locale.ROOT);
    }
    if (about.quarter == null) {
      aboutMissing(
          name,
          about,
          LABEL_QUARTER,
          "the quarter, e.g. 2022-23 Q1" + (q == null ? "" : " (found '" + q + "')"),
          findings);
    }
    if (about.version == null || !about.version.equals(schema.templateVersion())) {
      SourceLocation at =
          about.where.getOrDefault(Text.fold(LABEL_VERSION), SourceLocation.ofSheet(name, ABOUT));
      findings.add(
          Check.UNKNOWN_TEMPLATE_VERSION,
          at,
          about.version == null ? "" : about.version,
          "template version " + schema.templateVersion(),
          "Download the current blank template (version "
              + schema.templateVersion()
              + "), copy your rows into it and send it again.");
    }
    return about;
  }

  private static void aboutMissing(
      String name, About about, String label, String expected, Findings findings) {
    findings.add(
        Check.ABOUT_VALUE_MISSING,
        about.where.getOrDefault(Text.fold(label), SourceLocation.ofSheet(name, ABOUT)),
        "",
        expected,
        "Fill in '" + label + "' on the About sheet (column B).");
  }

  private void unknownSheets(RawWorkbook wb, String name, Findings findings) {
    for (RawSheet s : wb.sheets()) {
      boolean known =
          IssuesSheetReader.isIssuesSheet(s)
              || s.name().trim().equalsIgnoreCase(ABOUT)
              || s.name().trim().equalsIgnoreCase(LISTS)
              || schema.sheets().stream()
                  .anyMatch(d -> d.sheetName().equalsIgnoreCase(s.name().trim()));
      if (!known) {
        findings.add(
            Check.UNKNOWN_SHEET,
            SourceLocation.ofSheet(name, s.name()),
            s.visibility() == RawSheet.Visibility.VISIBLE
                ? ""
                : "("
                    + s.visibility().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ")",
            "only the template's sheets",
            "Nothing to do; sheets that are not part of the template are not read.");
      }
    }
  }

  private static boolean isEmpty(RawWorkbook wb) throws IOException {
    for (RawSheet s : wb.sheets()) {
      boolean[] any = {false};
      wb.readRows(
          s,
          row -> {
            any[0] = !row.isBlank();
            return !any[0];
          });
      if (any[0]) {
        return false;
      }
    }
    return true;
  }

  /** The intake sheet first (other sheets join to it), then the rest in template order. */
  private static List<SheetLayout> ordered(Map<SheetDefinition, SheetLayout> layouts) {
    List<SheetLayout> out = new ArrayList<>();
    layouts.values().stream()
        .filter(l -> l.found() && !l.definition.isGroup() && l.definition.form().equals("intake"))
        .forEach(out::add);
    layouts.values().stream().filter(l -> l.found() && !out.contains(l)).forEach(out::add);
    return out;
  }

  /** The file's SHA-256 as its origin knows it, else as its bytes give it. */
  private static String sha256(Path file, ReturnOrigin origin) throws IOException {
    return origin.sha256() != null ? origin.sha256() : sha256(file);
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
