package org.idva.insights.cli;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.idva.insights.model.FormRow;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreException;
import org.idva.insights.store.StoredReturn;
import org.idva.insights.store.StoredRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code insights case <service> <case ref>}: one case's forms as the store holds them, each with
 * the return, sheet and row it came from. Only that service's rows are read.
 */
@Command(
    name = "case",
    mixinStandardHelpOptions = true,
    description =
        "Print one case's forms from the case store and where each came from (return,"
            + " sheet, row). Only the named service's data is shown.",
    footer = ExitCode.HELP_FOOTER)
final class CaseCommand implements Callable<Integer> {
  @Mixin DefinitionOptions definitions;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "SERVICE", description = "The service code.")
  String service;

  @Parameters(index = "1", paramLabel = "CASE_REF", description = "The service's case ref.")
  String caseRef;

  @Override
  public Integer call() {
    Schema schema = definitions.loadSchema();
    PrintStream out = System.out;
    if (storeOptions.reportMissing(schema)) {
      return ExitCode.IO;
    }
    try (CaseStore store = storeOptions.open(schema)) {
      List<StoredRow> rows = store.caseRows(service, caseRef);
      if (rows.isEmpty()) {
        System.err.printf(
            "No case %s for service %s in the case store %s.%n",
            caseRef, service, store.config().describe());
        return ExitCode.DATA_PROBLEMS;
      }
      Map<Long, StoredReturn> returns =
          store.history(service).stream()
              .collect(Collectors.toMap(StoredReturn::id, Function.identity()));
      out.printf("Case %s of service %s: %d form row(s)%n", caseRef, service, rows.size());
      for (StoredRow stored : rows) {
        print(out, schema, stored, returns.get(stored.returnId()));
      }
      return ExitCode.OK;
    } catch (StoreException e) {
      System.err.println(e.getMessage());
      return ExitCode.IO;
    }
  }

  private static void print(PrintStream out, Schema schema, StoredRow stored, StoredReturn from) {
    FormRow row = stored.row();
    SheetDefinition sheet = schema.sheet(row.sheet()).orElse(null);
    String title = sheet == null ? row.sheet() : sheet.title();
    out.printf("%n%s%s%n", title, stateNote(stored.state()));
    out.printf("  from   %s%n", row.location().describe());
    if (from != null) {
      out.printf(
          "  return %s, %s, received %s, %s%s%n",
          from.fileName(),
          from.quarter(),
          from.received(),
          from.status().label(),
          "current".equals(from.state()) ? "" : " (" + from.state() + ")");
    }
    if (sheet == null) {
      return;
    }
    for (Field field : sheet.fields()) {
      Object value = row.get(field.id());
      if (value != null) {
        out.printf("  %-40s %s%n", field.header(), show(field, value));
      }
    }
  }

  private static String stateNote(String state) {
    return switch (state) {
      case "unmatched" -> "  [kept aside: no intake for this case in the store]";
      case "conflict" -> "  [kept aside: conflicts with the case's intake]";
      default -> "";
    };
  }

  private static String show(Field field, Object value) {
    if (!field.type().isCoded()) {
      return value.toString();
    }
    Collection<?> codes = value instanceof Collection<?> c ? c : List.of(value);
    Map<String, String> labels = field.codeList().labelsByCode();
    return codes.stream()
        .map(c -> labels.getOrDefault(c.toString(), c.toString()))
        .collect(Collectors.joining("; "));
  }
}
