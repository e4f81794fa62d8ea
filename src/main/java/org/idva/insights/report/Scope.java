package org.idva.insights.report;

import java.util.HashMap;
import java.util.Map;

/**
 * What a predicate or value is evaluated against: the base sheet whose rows are counted, and the
 * variables ({@code "$from"}...) set by the row and column being computed.
 */
record Scope(CaseColumns data, String sheet, Map<String, String> vars) {

  Scope {
    vars = Map.copyOf(vars);
  }

  Scope with(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> v = new HashMap<>(vars);
    v.putAll(more);
    return new Scope(data, sheet, v);
  }

  /** Resolves a field reference, substituting a {@code $variable}. */
  String resolve(String ref) {
    if (ref.startsWith("$")) {
      String v = vars.get(ref.substring(1));
      if (v == null) {
        throw new UnsetVariable(ref, vars.keySet());
      }
      return v;
    }
    return ref;
  }

  /** A {@code $variable} the row and column being computed do not set: the cell is left empty. */
  static final class UnsetVariable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsetVariable(String ref, java.util.Set<String> set) {
      super("variable " + ref + " is not set by the row or column (set: " + set + ")");
    }
  }

  boolean isSet(String ref) {
    return !ref.startsWith("$") || vars.containsKey(ref.substring(1));
  }
}
