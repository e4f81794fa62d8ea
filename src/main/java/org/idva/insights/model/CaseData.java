package org.idva.insights.model;

import java.util.function.Consumer;

/**
 * The merged case data the report is computed from, as the store (or a test, or the sample
 * generator) provides it: every current row of a sheet across services and years, streamed. The
 * report engine joins review, exit and justice rows to their intake by service + case ref and
 * de-duplicates clients by service + client ref.
 */
public interface CaseData {

  /** Streams every row of a sheet ({@code intake}, {@code exit}, {@code intake.children}...). */
  void forEachRow(String sheetRef, Consumer<FormRow> action);

  /**
   * Streams every row of a sheet answer by answer, in the order of {@link #forEachRow}: what a
   * columnar reader takes. By default each row of {@link #forEachRow} is handed on value by value
   * ({@link AnswerSink#answer}); a source that can skip building the rows (the case store reads its
   * stored JSON straight into the sink) overrides it with the same answers.
   */
  default void forEachAnswer(String sheetRef, AnswerSink sink) {
    forEachRow(
        sheetRef,
        row -> {
          sink.row(row.service());
          row.values().forEach(sink::answer);
        });
  }

  /**
   * How many rows {@link #forEachRow} would stream for the sheet, when the source can tell without
   * streaming them; -1 when it cannot. A columnar reader sizes its columns by it once, instead of
   * growing them as rows come; it is a hint, and a wrong one costs only memory.
   */
  default int rowCount(String sheetRef) {
    return -1;
  }

  /** The rows of one service only: what that service's own figures are computed from. */
  default CaseData forService(String service) {
    CaseData all = this;
    return (sheetRef, action) ->
        all.forEachRow(
            sheetRef,
            row -> {
              if (service.equals(row.service())) {
                action.accept(row);
              }
            });
  }
}
