package org.idva.insights.validate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.RawCell;
import org.idva.insights.model.RawRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Condition;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * Checks the data rows of one form sheet, row by row as they stream past, and hands each row with
 * no error on as a {@link FormRow}. Keeps only the case refs it has seen (for duplicates and for
 * joining review, exit and justice rows to their intake), never the rows.
 */
final class RowChecker {
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** What the checks of a whole return share across sheets. */
  static final class Context {
    final String file;
    final String service;
    final ReportingQuarter quarter;
    final KnownCases known;
    final Values values;
    final Findings findings;
    final Map<String, LocalDate> intakes = new HashMap<>();
    final Set<String> intakeRefs = new HashSet<>();
    final Set<String> intakeRefsLeftOut = new HashSet<>();

    Context(
        String file,
        String service,
        ReportingQuarter quarter,
        KnownCases known,
        Values values,
        Findings findings) {
      this.file = file;
      this.service = service;
      this.quarter = quarter;
      this.known = known;
      this.values = values;
      this.findings = findings;
    }
  }

  private final Context ctx;
  private final SheetLayout layout;
  private final SheetDefinition def;
  private final String sheetName;
  private final Consumer<FormRow> sink;

  /** The field that names a row's case: the form's key in the schema (case_ref). */
  private final String caseKey;

  private final Column[] byColumn;

  /** The fields with a condition or a required answer, in form order: the others need no check. */
  private final List<Field> conditionalOrRequired;

  /** The date fields, in form order. */
  private final List<Field> dates;

  /** The first sheet column of each field, for fields with no column in this row. */
  private final Map<Field, Integer> firstColumn = new java.util.IdentityHashMap<>();

  private final boolean intakeSheet;

  /** The index in {@code def.fields()} of each field, by id. */
  private final Map<String, Integer> fieldIndex = new HashMap<>();

  /** The field index of each sheet column's field (-1 where the column is not read). */
  private final int[] fieldOfColumn;

  /** The field index of each of {@link #conditionalOrRequired}. */
  private final int[] conditionalOrRequiredIndex;

  /** This row: the first sheet column holding a non-blank cell of each field, else -1. */
  private final int[] columnOf;

  private final Map<String, Integer> keysSeen = new HashMap<>();
  private final Set<Integer> headerlessFlagged = new HashSet<>();
  private int previous;
  private long kept;
  private boolean rowHasError;

  RowChecker(Context ctx, SheetLayout layout, String caseKey, Consumer<FormRow> sink) {
    this.ctx = ctx;
    this.caseKey = caseKey;
    this.layout = layout;
    this.def = layout.definition;
    this.sheetName = layout.sheet.name();
    this.sink = sink;
    int max = layout.columns.keySet().stream().mapToInt(i -> i).max().orElse(-1);
    byColumn = new Column[max + 1];
    layout.columns.forEach((i, c) -> byColumn[i] = c);
    for (int i = 0; i < byColumn.length; i++) {
      if (byColumn[i] != null) {
        firstColumn.putIfAbsent(byColumn[i].field(), i);
      }
    }
    conditionalOrRequired =
        def.fields().stream().filter(f -> f.when() != null || f.required()).toList();
    dates = def.fields().stream().filter(f -> f.type() == FieldType.DATE).toList();
    intakeSheet = !def.isGroup() && def.form().equals("intake");
    List<Field> fields = def.fields();
    for (int i = 0; i < fields.size(); i++) {
      fieldIndex.putIfAbsent(fields.get(i).id(), i);
    }
    fieldOfColumn = new int[byColumn.length];
    for (int i = 0; i < byColumn.length; i++) {
      fieldOfColumn[i] = byColumn[i] == null ? -1 : fieldIndex.get(byColumn[i].field().id());
    }
    conditionalOrRequiredIndex =
        conditionalOrRequired.stream().mapToInt(f -> fieldIndex.get(f.id())).toArray();
    columnOf = new int[fields.size()];
    previous = layout.headerRow;
  }

  long kept() {
    return kept;
  }

  /** Checks one row of the sheet (rows up to the header are skipped). Always continues. */
  boolean row(RawRow row) {
    if (row.rowNumber() <= layout.headerRow) {
      return true;
    }
    if (row.isBlank()) {
      return true;
    }
    if (row.rowNumber() > previous + 1) {
      int gapStart = previous + 1;
      int gapEnd = row.rowNumber() - 1;
      ctx.findings.add(
          Check.BLANK_ROW,
          new SourceLocation(ctx.file, sheetName, gapStart, SourceLocation.NONE),
          gapStart == gapEnd
              ? "row " + gapStart + " is blank"
              : String.format("rows %,d to %,d are blank", gapStart, gapEnd),
          "one row per case with no blank rows between",
          "Nothing to do; delete blank rows to keep the sheet tidy.");
    }
    previous = row.rowNumber();
    check(row);
    return true;
  }

  private void check(RawRow row) {
    rowHasError = false;
    int r = row.rowNumber();
    int size = Math.max(16, row.cells().size() * 2);
    Map<String, Object> values = new LinkedHashMap<>(size);
    java.util.Arrays.fill(columnOf, -1);
    for (RawCell cell : row.cells()) {
      if (cell.isBlank()) {
        continue;
      }
      int c = cell.column();
      Column column = c < byColumn.length ? byColumn[c] : null;
      if (column == null) {
        if (!layout.unknown.containsKey(c) && headerlessFlagged.add(c)) {
          flag(
              Check.UNKNOWN_COLUMN,
              r,
              c,
              (Field) null,
              "",
              "data only under a template header",
              "This column has no header, so its values were not read. Move them under the"
                  + " right header or delete them.");
        }
        continue;
      }
      Field field = column.field();
      int fi = fieldOfColumn[c];
      if (columnOf[fi] < 0) {
        columnOf[fi] = c;
      }
      Object v = ctx.values.read(field, cell);
      if (v instanceof Values.Problem p) {
        flag(p.check(), r, c, column, shown(field, cell), p.expected(), p.fix());
        continue;
      }
      if (v instanceof Values.Tolerated t) {
        flag(
            Check.CODE_LABEL_TOLERATED,
            r,
            c,
            column,
            cell.text(),
            t.readAs(),
            "Nothing to do; pick '" + t.readAs() + "' from the drop-down next time.");
        v = t.value();
      }
      if (column.isOption()) {
        if (Boolean.TRUE.equals(v)) {
          @SuppressWarnings("unchecked")
          Set<String> ticks =
              (Set<String>) values.computeIfAbsent(field.id(), k -> new LinkedHashSet<String>());
          ticks.add(column.option().code());
        }
        continue;
      }
      values.put(field.id(), v);
    }
    conditionsAndRequired(r, values);
    String caseRef = values.get(caseKey) instanceof String s ? s : null;
    duplicates(r, values);
    if (caseRef != null) {
      joins(r, caseRef, values);
    }
    datesInQuarter(r, values);
    for (Pending p : pending) {
      ctx.findings.add(
          p.check,
          p.at,
          p.found,
          p.expected,
          p.fix,
          p.question,
          caseRef,
          p.field == null ? null : p.field.id());
    }
    pending.clear();
    if (rowHasError && intakeSheet && caseRef != null) {
      ctx.intakeRefsLeftOut.add(caseRef);
    }
    if (!rowHasError) {
      if (intakeSheet && caseRef != null) {
        ctx.intakeRefs.add(caseRef);
        if (values.get("intake_date") instanceof LocalDate d) {
          ctx.intakes.put(caseRef, d);
        }
      }
      kept++;
      sink.accept(
          new FormRow(
              ctx.service,
              def.ref(),
              new SourceLocation(ctx.file, sheetName, r, SourceLocation.NONE),
              values));
    }
  }

  private void conditionsAndRequired(int r, Map<String, Object> values) {
    for (int k = 0; k < conditionalOrRequiredIndex.length; k++) {
      Field field = conditionalOrRequired.get(k);
      boolean applies = field.when() == null || holds(field.when(), values);
      Object v = values.get(field.id());
      if (!applies && v != null) {
        Condition w = field.when();
        Field on = def.field(w.field()).orElse(null);
        flag(
            Check.NOT_APPLICABLE_ANSWER,
            r,
            columnOf(field.id()),
            field,
            shownValue(field, v),
            "no answer here, because the question is asked only when "
                + w.describe(on == null ? null : on.header(), on == null ? null : on.codeList()),
            "Clear this answer, or correct the answer to '"
                + (on == null ? "the question it depends on" : on.header())
                + "'. This answer was not used.");
        values.remove(field.id());
      } else if (applies
          && v == null
          && field.required()
          && columnOf[conditionalOrRequiredIndex[k]] < 0) {
        flag(
            Check.REQUIRED_MISSING,
            r,
            column(field),
            field,
            "",
            "an answer to '" + field.header() + "'",
            "Fill in '" + field.header() + "'; it is required for every row.");
      }
    }
  }

  /** This row's first column of the field with this id, or {@link SourceLocation#NONE}. */
  private int columnOf(String id) {
    Integer fi = fieldIndex.get(id);
    return fi == null || columnOf[fi] < 0 ? SourceLocation.NONE : columnOf[fi];
  }

  private int column(Field field) {
    return firstColumn.getOrDefault(field, SourceLocation.NONE);
  }

  private static boolean holds(Condition when, Map<String, Object> values) {
    Object v = values.get(when.field());
    if (v instanceof String s) {
      return when.codes().contains(s);
    }
    if (v instanceof Set<?> set) {
      for (Object o : set) {
        if (when.codes().contains(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private void duplicates(int r, Map<String, Object> values) {
    List<String> parts = new ArrayList<>(def.key().size());
    for (String k : def.key()) {
      Object v = values.get(k);
      if (v == null) {
        return;
      }
      parts.add(v.toString());
    }
    String key = parts.size() == 1 ? parts.get(0) : String.join("\u0000", parts);
    Integer first = keysSeen.putIfAbsent(key, r);
    if (first != null) {
      flag(
          Check.DUPLICATE_CASE_REF,
          r,
          columnOf(def.key().get(0)),
          def.field(def.key().get(0)).orElse(null),
          String.join(" / ", parts),
          "each "
              + String.join(
                  " + ",
                  def.key().stream()
                      .map(k -> def.field(k).map(Field::header).orElse("reference"))
                      .toList())
              + " once on the sheet (first in row "
              + first
              + ")",
          "Keep one row per case: merge the two rows, or correct the reference. This row was not"
              + " used.");
    }
  }

  private void joins(int r, String caseRef, Map<String, Object> values) {
    if (intakeSheet) {
      return;
    }
    boolean inReturn = ctx.intakeRefs.contains(caseRef);
    if (!inReturn && ctx.intakeRefsLeftOut.contains(caseRef)) {
      flag(
          Check.NO_INTAKE,
          r,
          columnOf(caseKey),
          def.field(caseKey).orElse(null),
          caseRef,
          "a usable intake row for this case: its intake row has errors and was not used",
          "Correct the errors in this case's intake row. This row is kept aside meanwhile and"
              + " counted once its intake is usable.");
      return;
    }
    if (!inReturn && !ctx.known.hasIntake(ctx.service, caseRef)) {
      flag(
          Check.NO_INTAKE,
          r,
          columnOf(caseKey),
          def.field(caseKey).orElse(null),
          caseRef,
          "a case ref with an intake row in this return or an earlier one",
          "Check the case ref against the Intake sheet, or send the case's intake row. This row"
              + " is kept aside meanwhile and counted once its intake arrives.");
      return;
    }
    if (def.form().equals("exit")
        && !def.isGroup()
        && values.get("exit_date") instanceof LocalDate exit) {
      LocalDate intake =
          inReturn
              ? ctx.intakes.get(caseRef)
              : ctx.known.intakeDate(ctx.service, caseRef).orElse(null);
      if (intake != null && exit.isBefore(intake)) {
        flag(
            Check.EXIT_BEFORE_INTAKE,
            r,
            columnOf("exit_date"),
            def.field("exit_date").orElse(null),
            exit.format(UK),
            "an exit date on or after the intake date " + intake.format(UK),
            "Correct the exit date or the intake date.");
      }
    }
  }

  private void datesInQuarter(int r, Map<String, Object> values) {
    if (def.isGroup() || ctx.quarter == null) {
      return;
    }
    for (Field f : dates) {
      if (values.get(f.id()) instanceof LocalDate d && !ctx.quarter.contains(d)) {
        flag(
            Check.DATE_OUTSIDE_QUARTER,
            r,
            columnOf(f.id()),
            f,
            d.format(UK),
            "a date in "
                + ctx.quarter.label()
                + " ("
                + ctx.quarter.firstDay().format(UK)
                + " to "
                + ctx.quarter.lastDay().format(UK)
                + ")",
            "Check the date; a form completed in another quarter belongs in that quarter's return.");
      }
    }
  }

  /** A finding of this row, kept until the row's case ref is known. */
  private record Pending(
      Check check,
      SourceLocation at,
      String question,
      Field field,
      String found,
      String expected,
      String fix) {}

  private final List<Pending> pending = new ArrayList<>();

  private void flag(
      Check check, int row, int column, Column on, String found, String expected, String fix) {
    flag(check, row, column, on == null ? null : on.field(), on, found, expected, fix);
  }

  private void flag(
      Check check, int row, int column, Field on, String found, String expected, String fix) {
    flag(check, row, column, on, null, found, expected, fix);
  }

  private void flag(
      Check check,
      int row,
      int column,
      Field field,
      Column header,
      String found,
      String expected,
      String fix) {
    if (check.severity() == org.idva.insights.model.Severity.ERROR) {
      rowHasError = true;
    }
    String question = header != null ? header.header() : field == null ? null : field.header();
    pending.add(
        new Pending(
            check,
            new SourceLocation(ctx.file, sheetName, row, column),
            question,
            field,
            found,
            expected,
            fix));
  }

  /** The cell value as it may be shown back: never free text (it could hold personal data). */
  private static String shown(Field field, RawCell cell) {
    if (field.type() == FieldType.TEXT) {
      return "(text not shown)";
    }
    String t = cell.text();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }

  private static String shownValue(Field field, Object v) {
    if (field.type() == FieldType.TEXT) {
      return "(text not shown)";
    }
    if (v instanceof LocalDate d) {
      return d.format(UK);
    }
    if (v instanceof Set<?> s) {
      return String.join(", ", s.stream().map(o -> label(field, o)).toList());
    }
    return label(field, v);
  }

  /** A coded answer as the service picked it (its label), never the code kept in the store. */
  private static String label(Field field, Object v) {
    String code = String.valueOf(v);
    if (field.codeList() == null) {
      return code;
    }
    return field.codeList().byCode(code).map(org.idva.insights.schema.Code::label).orElse(code);
  }
}
