package org.idva.insights.cli;

/** The process exit codes, documented in the README and in every command's help. */
public final class ExitCode {
  /** Everything done, nothing wrong with the data. */
  public static final int OK = 0;

  /** The job ran and found problems in the data (errors in a return). */
  public static final int DATA_PROBLEMS = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** A definition file (form schema, code list, report table) or a workbook template is broken. */
  public static final int BROKEN_DEFINITIONS = 3;

  /**
   * The environment failed: a file or folder could not be read or written, the disk is full, the
   * case store cannot be reached or is held by another run for longer than the wait.
   */
  public static final int IO = 4;

  /**
   * An internal error on at least one file (it is reported as not processed, with a log reference;
   * the other files were processed and the report written).
   */
  public static final int INTERNAL = 5;

  /** The code for a run's files: internal error, else data problems, else ok. */
  static int of(boolean internalError, boolean dataProblems) {
    return internalError ? INTERNAL : dataProblems ? DATA_PROBLEMS : OK;
  }

  static final String HELP_FOOTER =
      "%nExit codes:%n"
          + "  0  ok%n"
          + "  1  data problems found%n"
          + "  2  usage error%n"
          + "  3  broken definitions or template%n"
          + "  4  environment: a file, folder, disk or the case store (busy or unreachable)%n"
          + "  5  internal error in at least one file (see the log reference)%n";

  private ExitCode() {}
}
