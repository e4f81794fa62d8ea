package org.idva.insights.report;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of computation a table definition can ask for (the engine's vocabulary). */
public enum Measure {
  /** Count and % of a base for one single-select question. */
  SINGLE,
  /** Each option's count and % of the base for a multi-select question. */
  MULTI,
  /** Several questions sharing one answer list: a row per question, a column per answer. */
  GRID,
  /** The same question at intake and at exit, on the exit cohort. */
  PAIR,
  /** Change between intake and exit (reduced / unchanged / increased...). */
  CHANGE,
  /** Averages and medians of numeric answers. */
  STAT,
  /** Rows derived from several answers (multiple abuse types, escalation...). */
  DERIVED,
  /** The needs and support matrix. */
  MATRIX,
  /** The headline and "Service of 100" figures. */
  HEADLINE;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Measure> fromKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
  }
}
