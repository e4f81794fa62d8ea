package org.idva.insights.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Schema;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreException;
import org.idva.insights.store.StoredQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code insights queries [--service S]}: every query of the services' current returns, open or
 * explained, with each explanation as the service gave it (for the analyst), and the counts per
 * service.
 */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description =
        "List the queries of the current returns in the case store, open and explained, with the"
            + " services' explanations.",
    footer = ExitCode.HELP_FOOTER)
final class QueriesCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--service",
      paramLabel = "S",
      description = "Only this service's queries (default: every service).")
  String service;

  @Override
  public Integer call() {
    Schema schema = definitions.loadSchema();
    if (storeOptions.reportMissing(schema)) {
      return ExitCode.IO;
    }
    try (CaseStore store = storeOptions.open(schema)) {
      print(System.out, store.queries().list(service));
      return ExitCode.OK;
    } catch (StoreException e) {
      System.err.println(e.getMessage());
      return ExitCode.IO;
    }
  }

  static void print(PrintStream out, List<StoredQuery> queries) {
    String shown = null;
    Map<String, int[]> counts = new java.util.TreeMap<>();
    for (StoredQuery q : queries) {
      String r = q.service() + "  " + q.quarter() + "  " + q.fileName();
      if (!r.equals(shown)) {
        out.printf("%n%s%n", r);
        shown = r;
      }
      counts.computeIfAbsent(q.service(), k -> new int[2])[q.isExplained() ? 1 : 0]++;
      out.printf(
          "  %-9s  %s!%s  case %s  '%s' (%s)  %s  found \"%s\"%n",
          q.isExplained() ? "explained" : "open",
          q.sheet(),
          new SourceLocation(null, q.sheet(), q.row(), q.column()).cell(),
          q.caseRef(),
          q.question(),
          q.field(),
          q.code(),
          q.answer());
      q.explanation()
          .ifPresent(
              e ->
                  out.printf(
                      "             explanation: \"%s\" (%s, %s, %s)%n",
                      e.text(), e.by(), e.channel(), e.at()));
    }
    out.printf("%nQueries per service (current returns): open, explained%n");
    if (counts.isEmpty()) {
      out.println("  none");
    }
    counts.forEach((s, n) -> out.printf("  %-12s %6d %6d%n", s, n[0], n[1]));
  }
}
