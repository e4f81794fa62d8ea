package org.idva.insights.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.CaseData;
import org.idva.insights.model.TableResult;
import org.idva.insights.schema.Schema;

/**
 * The report engine: reads the case data into columns once ({@link #load(CaseData)}), then computes
 * any table of the report for a reporting year and the two years before it.
 */
public final class ReportEngine {
  private final Schema schema;
  private final ReportDefinitions definitions;

  public ReportEngine(Schema schema, ReportDefinitions definitions) {
    this.schema = schema;
    this.definitions = definitions;
  }

  public ReportDefinitions definitions() {
    return definitions;
  }

  /** Reads the case data into columns, ready to tabulate. */
  public Tabulation load(CaseData data) {
    return new Tabulation(CaseColumns.build(data, schema, definitions.latestBy()));
  }

  /** Case data in columns, with the report's definitions. */
  public final class Tabulation {
    private final CaseColumns columns;
    private final Bases bases;
    private final TableEngine engine;

    private Tabulation(CaseColumns columns) {
      this.columns = columns;
      this.bases = new Bases(columns, definitions.bases());
      this.engine = new TableEngine(columns, bases);
    }

    public CaseColumns columns() {
      return columns;
    }

    /**
     * The same data restricted to one service's rows: that service's own figures, from the columns
     * already loaded (what {@code load(data.forService(service))} gives, without reading the data
     * again).
     */
    public Tabulation forService(String service) {
      return new Tabulation(columns.forService(service));
    }

    /**
     * The same columns, without what computing tables on them cached (links, bases, histograms):
     * all that {@link #forService} needs. Slicing from it lets those caches go while each service's
     * tables are computed.
     */
    public Tabulation forSlicing() {
      return new Tabulation(columns.withoutLinks());
    }

    /** The latest reporting year any dated base has rows in; 0 when there are none. */
    public int latestYear() {
      int latest = 0;
      for (Map.Entry<String, JsonNode> b : definitions.bases().entrySet()) {
        if (!b.getValue().has("date")) {
          continue;
        }
        Scope scope = new Scope(columns, b.getValue().get("sheet").asText(), Map.of());
        var date = Expressions.value(scope, b.getValue().get("date"));
        int size = columns.sheet(scope.sheet()).size();
        for (int i = 0; i < size; i++) {
          double d = date.applyAsDouble(i);
          if (!Double.isNaN(d)) {
            latest = Math.max(latest, ReportingYear.ofEpochDay((int) d));
          }
        }
      }
      return latest;
    }

    /** The number of rows of a base in a reporting year. */
    public int baseSize(String base, int year) {
      return bases.rows(base, year).length;
    }

    public TableResult table(String id, int year) {
      TableDefinition def =
          definitions
              .table(id)
              .orElseThrow(() -> new IllegalArgumentException("no table \"" + id + "\""));
      return table(def, year);
    }

    public TableResult table(TableDefinition def, int year) {
      try {
        return engine.compute(def, year);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "table " + def.id() + " (" + def.file() + "): " + e.getMessage(), e);
      }
    }

    /** Every table in report order, or only those named. */
    public List<TableResult> tables(int year, Collection<String> ids) {
      List<TableDefinition> wanted = new ArrayList<>();
      for (TableDefinition def : definitions.tables()) {
        if (ids == null || ids.isEmpty() || ids.contains(def.id())) {
          wanted.add(def);
        }
      }
      return wanted.parallelStream().map(def -> table(def, year)).toList();
    }
  }
}
