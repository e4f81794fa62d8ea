package org.idva.insights.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.TableResult;

/**
 * The sums a reader can see in a printed table, found from its figures: per column group, n = the
 * answers and Missing (a single-answer question), a Total row = the rows it adds up, a subtotal =
 * its breakdown (the indented rows under it) or the rows just above it. Found on the reporting
 * year's counts, where they are exact, and carried to the earlier years of the same group where
 * their % agree within rounding. Disclosure control ({@link Suppression}) makes sure none of them
 * leaves exactly one hidden cell.
 */
final class SumRelations {
  private SumRelations() {}

  /**
   * One sum: the members' figures under {@code key} add up to the total's.
   *
   * @param total the row of the total, or -1 for the group's n
   */
  record Relation(String group, String key, List<Integer> members, int total) {}

  static List<Relation> of(TableResult t) {
    List<Relation> out = new ArrayList<>();
    String newest =
        t.columns().stream()
            .map(k -> k.substring(0, k.indexOf('.')))
            .max(String::compareTo)
            .orElse("");
    List<Relation> structure = new ArrayList<>();
    for (String group : Suppression.groups(t)) {
      if (!group.equals(newest) && !group.startsWith(newest + ".")) {
        continue;
      }
      String key = group + ".count";
      if (t.columns().contains(key)) {
        structure.addAll(exact(t, group, key));
      }
    }
    out.addAll(structure);
    for (String group : Suppression.groups(t)) {
      if (group.equals(newest) || group.startsWith(newest + ".")) {
        if (t.columns().contains(group + ".count")) {
          continue;
        }
      }
      String key = group + ".pct";
      if (!t.columns().contains(key)) {
        continue;
      }
      String suffix = group.contains(".") ? group.substring(group.indexOf('.')) : "";
      boolean carried = false;
      for (Relation r : structure) {
        String rs = r.group().contains(".") ? r.group().substring(r.group().indexOf('.')) : "";
        if (rs.equals(suffix) && agrees(t, r.members(), r.total(), key)) {
          out.add(new Relation(group, key, r.members(), r.total()));
          carried = true;
        }
      }
      if (!carried) {
        List<Integer> answers = answers(t, key);
        if (answers.size() > 1 && agrees(t, answers, -1, key)) {
          out.add(new Relation(group, key, answers, -1));
        }
      }
    }
    return out;
  }

  /** The sums that hold exactly on a reporting-year group's counts. */
  private static List<Relation> exact(TableResult t, String group, String key) {
    List<Relation> out = new ArrayList<>();
    List<TableResult.Row> rows = t.rows();
    Long n = Suppression.base(t.n(), group);
    List<Integer> answers = answers(t, key);
    if (n != null && answers.size() > 1 && sum(t, answers, key) == n) {
      out.add(new Relation(group, key, answers, -1));
    }
    for (int i = 0; i < rows.size(); i++) {
      TableResult.Row r = rows.get(i);
      Double value = number(r, key);
      if (value == null) {
        continue;
      }
      if (r.kind().equals("total")) {
        List<Integer> cats = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
          if (rows.get(j).kind().equals("category") && number(rows.get(j), key) != null) {
            cats.add(j);
          }
        }
        if (cats.size() > 1 && sum(t, cats, key) == value) {
          out.add(new Relation(group, key, cats, i));
        }
      } else if (r.kind().equals("subtotal")) {
        List<Integer> below = new ArrayList<>();
        for (int j = i + 1; j < rows.size() && rows.get(j).indent() > r.indent(); j++) {
          if (number(rows.get(j), key) != null) {
            below.add(j);
          }
        }
        if (below.size() > 1 && sum(t, below, key) == value) {
          out.add(new Relation(group, key, below, i));
          continue;
        }
        List<Integer> above = new ArrayList<>();
        for (int j = i - 1; j >= 0 && rows.get(j).kind().equals("category"); j--) {
          if (number(rows.get(j), key) != null) {
            above.add(0, j);
          }
        }
        for (int from = 0; from < above.size() - 1; from++) {
          List<Integer> run = above.subList(from, above.size());
          if (sum(t, run, key) == value) {
            out.add(new Relation(group, key, List.copyOf(run), i));
            break;
          }
        }
      }
    }
    return out;
  }

  /** The answer rows (categories and Missing) with a figure under the key. */
  private static List<Integer> answers(TableResult t, String key) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      TableResult.Row r = t.rows().get(i);
      if ((r.kind().equals("category") || r.kind().equals("missing")) && number(r, key) != null) {
        out.add(i);
      }
    }
    return out;
  }

  /** Whether members' % add up to the total's (or 100) within their rounding. */
  private static boolean agrees(TableResult t, List<Integer> members, int total, String key) {
    for (int m : members) {
      if (number(t.rows().get(m), key) == null) {
        return false;
      }
    }
    double want = total < 0 ? 100 : valueOr(t.rows().get(total), key, Double.NaN);
    return Math.abs(sum(t, members, key) - want) <= members.size() * 0.5 + 0.5;
  }

  private static double sum(TableResult t, List<Integer> rows, String key) {
    double s = 0;
    for (int i : rows) {
      s += valueOr(t.rows().get(i), key, 0);
    }
    return s;
  }

  private static double valueOr(TableResult.Row r, String key, double otherwise) {
    Double v = number(r, key);
    return v == null ? otherwise : v;
  }

  private static Double number(TableResult.Row r, String key) {
    Map<String, Object> v = r.values();
    return v.get(key) instanceof Number num ? num.doubleValue() : null;
  }
}
