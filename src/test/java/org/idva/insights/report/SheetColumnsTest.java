package org.idva.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToIntFunction;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.FormRow;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;

/** How {@link SheetColumns} holds answers, and that a row count hint never changes a figure. */
class SheetColumnsTest {
  private static final SheetDefinition INTAKE =
      Tables.SCHEMA.sheets().stream().filter(s -> s.ref().equals("intake")).findFirst().get();
  private static final String WHOLE =
      INTAKE.fields().stream()
          .filter(f -> f.type() == FieldType.INTEGER)
          .map(Field::id)
          .findFirst()
          .get();

  @Test
  void aWholeNumberColumnKeepsEveryValueWhenItMeetsOneThatIsNotWhole() {
    SheetColumns cols = new SheetColumns(INTAKE, new ArrayList<>(List.of("S1")), 2);
    AnswerSink sink = cols.loader(s -> 0, f -> new IdNumbers());
    sink.row("S1");
    sink.integer(WHOLE, 3);
    sink.row("S1"); // blank
    sink.row("S1");
    sink.text(WHOLE, "-4");
    IntToDoubleFunction before = cols.numbers(WHOLE);
    assertThat(new double[] {before.applyAsDouble(0), before.applyAsDouble(2)})
        .containsExactly(3, -4);
    assertThat(before.applyAsDouble(1)).isNaN();
    sink.row("S1");
    sink.decimal(WHOLE, new BigDecimal("2.5"));
    sink.row("S1");
    sink.integer(WHOLE, 3_000_000_000L); // beyond an int
    sink.row("S1");
    sink.integer(WHOLE, Integer.MIN_VALUE); // an int, but the blank marker
    sink.row("S1");
    sink.integer(WHOLE, 7);
    cols.trim();
    IntToDoubleFunction n = cols.numbers(WHOLE);
    assertThat(cols.size()).isEqualTo(7);
    assertThat(
            new double[] {
              n.applyAsDouble(0),
              n.applyAsDouble(2),
              n.applyAsDouble(3),
              n.applyAsDouble(4),
              n.applyAsDouble(5),
              n.applyAsDouble(6)
            })
        .containsExactly(3, -4, 2.5, 3_000_000_000d, Integer.MIN_VALUE, 7);
    assertThat(n.applyAsDouble(1)).isNaN();
    // a slice of the promoted column keeps its values too
    IntToDoubleFunction s = cols.slice(new int[] {1, 3, 6}, List.of("S1")).numbers(WHOLE);
    assertThat(s.applyAsDouble(0)).isNaN();
    assertThat(new double[] {s.applyAsDouble(1), s.applyAsDouble(2)}).containsExactly(2.5, 7);
  }

  @Test
  void identifiersAreEqualNumbersForTheSameValueOfTheSameServiceOnly() {
    SheetColumns cols = new SheetColumns(INTAKE, new ArrayList<>(List.of("S1", "S2")), 16);
    IdNumbers numbers = new IdNumbers();
    List<String> services = List.of("S1", "S2");
    AnswerSink sink = cols.loader(services::indexOf, f -> numbers);
    String[][] rows = {{"S1", "C-1"}, {"S2", "C-1"}, {"S1", null}, {"S1", "C-1"}, {"S2", "C-2"}};
    for (String[] r : rows) {
      sink.row(r[0]);
      if (r[1] != null) {
        sink.text("case_ref", r[1]);
      }
    }
    cols.trim();
    assertThat(cols.identifiers("case_ref")).containsExactly(0, 1, SheetColumns.MISSING_ID, 0, 2);
  }

  @Test
  void aWrongRowCountHintGivesTheSameTables() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("SheetColumnsTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    CaseData data = new SyntheticCases(Tables.SCHEMA, seed, 0.05, 2023, 2);
    ReportEngine engine = new ReportEngine(Tables.SCHEMA, Tables.SHIPPED);
    var unhinted = engine.load(data).tables(2023, null);
    for (int hint : new int[] {0, 1, 17, 100_000}) {
      var hinted = engine.load(hinted(data, sheet -> hint)).tables(2023, null);
      assertThat(hinted).as("hint %d", hint).isEqualTo(unhinted);
    }
    ToIntFunction<String> exact =
        sheet -> {
          int[] n = {0};
          data.forEachRow(sheet, r -> n[0]++);
          return n[0];
        };
    assertThat(engine.load(hinted(data, exact)).tables(2023, null)).isEqualTo(unhinted);
  }

  private static CaseData hinted(CaseData data, ToIntFunction<String> hint) {
    return new CaseData() {
      @Override
      public void forEachRow(String sheetRef, Consumer<FormRow> action) {
        data.forEachRow(sheetRef, action);
      }

      @Override
      public int rowCount(String sheetRef) {
        return hint.applyAsInt(sheetRef);
      }
    };
  }
}
