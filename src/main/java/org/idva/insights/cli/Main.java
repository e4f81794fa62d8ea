package org.idva.insights.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.idva.insights.schema.DefinitionException;
import org.idva.insights.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: parses the command line and maps failures to the documented exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // before anything else is loaded: a child JVM of the tool's choosing may run it (ChildJvm)
    java.util.Optional<Integer> child = ChildJvm.runInChild(args);
    System.exit(child.isPresent() ? child.get() : run(args));
  }

  /** Runs the tool as {@code main} would, returning the exit code instead of exiting. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new InsightsCommand());
    cli.setExecutionExceptionHandler(Main::handle);
    return cli.execute(args);
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    if (e instanceof DefinitionException d) {
      err.println("Broken definition: " + d.getMessage());
      return ExitCode.BROKEN_DEFINITIONS;
    }
    if (e instanceof StoreException store) { // incl. StoreBusyException: names the holder
      err.println(store.getMessage());
      return ExitCode.IO;
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      err.println("I/O error: " + e.getMessage());
      return ExitCode.IO;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    log.error("Unexpected failure in {}", cmd.getCommandName(), e);
    err.println("Unexpected failure: " + e);
    return ExitCode.IO;
  }
}
