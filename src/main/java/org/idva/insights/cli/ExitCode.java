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

  /** A file or folder could not be read or written. */
  public static final int IO = 4;

  static final String HELP_FOOTER =
      "%nExit codes:%n"
          + "  0  ok%n"
          + "  1  data problems found%n"
          + "  2  usage error%n"
          + "  3  broken definitions or template%n"
          + "  4  I/O error%n";

  private ExitCode() {}
}
