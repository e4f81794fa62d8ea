package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;

/**
 * Exact-count allocation: turns a {@link Target} into the multiset of answers for a population and
 * hands them out (not random draws, so the counts come out exactly). Records that already hold an
 * answer (set by an earlier, joint allocation) are counted first; the rest get what remains.
 * Answers are handed out in code order to records sorted by a per-service bias plus noise, so
 * services differ in profile while the totals stay exact.
 */
final class Allocator {
  private final Random random;
  private final Numbers numbers;
  private final Map<String, Double> serviceOffsets = new HashMap<>();

  Allocator(Random random, Numbers numbers) {
    this.random = random;
    this.numbers = numbers;
  }

  /** Hands out the target's answers over the population (every record where the field is asked). */
  void allocate(List<Rec> population, Field field, Target target) {
    Map<String, Integer> counts = counts(target, field, population.size());
    List<Rec> free = new ArrayList<>();
    for (Rec r : population) {
      Object v = r.get(field.id());
      if (v == null && r.blank.contains(field.id())) {
        counts.computeIfPresent(Target.MISSING, (k, c) -> Math.max(0, c - 1));
      } else if (v == null) {
        free.add(r);
      } else if (target.multi) {
        boolean any = false;
        for (Object tick : (Collection<?>) v) {
          counts.computeIfPresent(tick.toString(), (k, c) -> Math.max(0, c - 1));
          any = true;
        }
        if (!any) {
          counts.computeIfPresent(Target.MISSING, (k, c) -> Math.max(0, c - 1));
        }
      } else {
        counts.computeIfPresent(keyOf(target, v), (k, c) -> Math.max(0, c - 1));
      }
    }
    order(free, field.id());
    if (target.multi) {
      assignMulti(free, field, counts);
    } else {
      resize(counts, free.size());
      assignSingle(free, field, counts);
    }
  }

  private static String keyOf(Target target, Object value) {
    if (value instanceof Long l) {
      for (String k : target.weights.keySet()) {
        if (Target.isBand(k) && Target.inBand(k, l)) {
          return k;
        }
      }
      return Target.MISSING;
    }
    return value.toString();
  }

  /** The number of each answer (and of blanks, key "") for a population of n. */
  static Map<String, Integer> counts(Target target, Field field, int n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (target.exact) {
      target.weights.forEach((k, v) -> counts.put(k, (int) Math.round(v)));
      counts.put(Target.MISSING, target.missing == null ? 0 : (int) Math.round(target.missing));
      if (target.multi) {
        return counts;
      }
      int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
      String filler = filler(target, field);
      // a table whose printed n leaves out part of the population (e.g. abuse status recorded
      // at exit: 1,765 of 1,809) has that part blank, not the filler answer
      int answered = target.n != null && target.missing == null ? Math.min(n, target.n) : n;
      if (sum < answered && filler != null) {
        counts.merge(filler, answered - sum, Integer::sum);
      }
      if (answered < n) {
        counts.merge(Target.MISSING, n - Math.max(sum, answered), Integer::sum);
      }
      resize(counts, n);
      return counts;
    }
    double total = target.weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double missing = target.missing != null ? target.missing : 0;
    if (target.multi) {
      int blank = (int) Math.round(missing * n / 100.0);
      int base = target.percentOfAnswered ? n - blank : n;
      target.weights.forEach((k, v) -> counts.put(k, (int) Math.round(v * base / 100.0)));
      counts.put(Target.MISSING, blank);
      return counts;
    }
    Map<String, Double> w = new LinkedHashMap<>(target.weights);
    boolean ofAll = !(target.missing != null && total + missing > 100.5 && total > 0);
    if (ofAll && (target.missing != null || filler(target, field) == null)) {
      Map<String, Double> printed = new LinkedHashMap<>(target.weights);
      printed.put(Target.MISSING, missing);
      Map<String, Integer> fit = PercentFit.counts(printed, n);
      if (fit != null) {
        return fit;
      }
    }
    if (!ofAll) {
      // categories printed as % of those who answered, Missing as % of all
      double share = Math.max(0, 100 - missing) / total;
      w.replaceAll((k, v) -> v * share);
      total = 100 - missing;
    }
    String filler = filler(target, field);
    double rest = Math.max(0, 100 - total - missing);
    if (rest <= 1.5) {
      rest = 0; // printed percentages that miss 100 by rounding: scale, don't pad
    }
    if (filler != null && target.missing == null) {
      w.merge(filler, rest, Double::sum);
    } else {
      missing += rest;
    }
    w.put(Target.MISSING, missing);
    double all = w.values().stream().mapToDouble(Double::doubleValue).sum();
    if (all <= 0) {
      counts.put(Target.MISSING, n);
      return counts;
    }
    // largest remainder
    Map<String, Double> remainders = new LinkedHashMap<>();
    int given = 0;
    for (Map.Entry<String, Double> e : w.entrySet()) {
      double exactShare = e.getValue() * n / all;
      int floor = (int) Math.floor(exactShare);
      counts.put(e.getKey(), floor);
      remainders.put(e.getKey(), exactShare - floor);
      given += floor;
    }
    List<String> byRemainder = new ArrayList<>(remainders.keySet());
    byRemainder.sort(Comparator.comparing(remainders::get).reversed());
    for (int i = 0; given < n; i++, given++) {
      counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
    }
    return counts;
  }

  /** For a code question whose table lists only some answers: the answer the rest give. */
  private static String filler(Target target, Field field) {
    if (target.missing != null || field == null || field.codeList() == null) {
      return null;
    }
    for (Code c : field.codeList().codes()) {
      if (!target.weights.containsKey(c.code())) {
        return c.code();
      }
    }
    return null;
  }

  /** Makes the counts add up to n: pads with blanks, or trims blanks first, then the largest. */
  static void resize(Map<String, Integer> counts, int n) {
    int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (sum < n) {
      counts.merge(Target.MISSING, n - sum, Integer::sum);
      return;
    }
    while (sum > n) {
      String key =
          counts.getOrDefault(Target.MISSING, 0) > 0
              ? Target.MISSING
              : counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      counts.merge(key, -1, Integer::sum);
      sum--;
    }
  }

  private void order(List<Rec> records, String field) {
    for (Rec r : records) {
      double offset =
          serviceOffsets.computeIfAbsent(r.service + "|" + field, k -> random.nextDouble());
      r.bias = offset * 0.6 + random.nextDouble();
    }
    records.sort(Comparator.comparingDouble(r -> r.bias));
  }

  private void assignSingle(List<Rec> free, Field field, Map<String, Integer> counts) {
    int i = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      for (int c = 0; c < e.getValue(); c++) {
        Rec r = free.get(i++);
        String key = e.getKey();
        if (key.equals(Target.MISSING)) {
          r.set(field.id(), null);
        } else if (Target.isBand(key)) {
          r.set(field.id(), numbers.inBand(field, key, random));
        } else {
          r.set(field.id(), key);
        }
      }
    }
  }

  private void assignMulti(List<Rec> free, Field field, Map<String, Integer> counts) {
    int missing = Math.min(free.size(), counts.getOrDefault(Target.MISSING, 0));
    free.subList(0, missing).forEach(r -> r.set(field.id(), null));
    List<Rec> answered = new ArrayList<>(free.subList(missing, free.size()));
    Map<Rec, Set<String>> ticks = new HashMap<>();
    answered.forEach(r -> ticks.put(r, new LinkedHashSet<>()));
    List<Map.Entry<String, Integer>> options = new ArrayList<>();
    counts.entrySet().stream()
        .filter(e -> !e.getKey().equals(Target.MISSING))
        .forEach(options::add);
    options.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> option : options) {
      java.util.Collections.shuffle(answered, random);
      answered.sort(Comparator.comparingInt(r -> ticks.get(r).size()));
      int n = Math.min(option.getValue(), answered.size());
      for (int i = 0; i < n; i++) {
        ticks.get(answered.get(i)).add(option.getKey());
      }
    }
    for (Map.Entry<Rec, Set<String>> e : ticks.entrySet()) {
      if (e.getValue().isEmpty()) {
        e.getKey().set(field.id(), null);
      } else {
        Set<String> ordered = new LinkedHashSet<>();
        for (Code c : field.codeList().codes()) {
          if (e.getValue().contains(c.code())) {
            ordered.add(c.code());
          }
        }
        e.getKey().set(field.id(), ordered);
      }
    }
  }

  /**
   * Like {@link #allocate}, and also exactly {@code k} of the records in {@code group} get one of
   * {@code codes} (a figure of a cross table, e.g. supported among those with the need).
   */
  void allocateSplit(
      List<Rec> population,
      Field field,
      Target target,
      java.util.function.Predicate<Rec> group,
      Set<String> codes,
      int k) {
    Map<String, Integer> counts = counts(target, field, population.size());
    List<String> hit = new ArrayList<>();
    List<String> miss = new ArrayList<>();
    counts.forEach(
        (key, c) ->
            (codes.contains(key) ? hit : miss).addAll(java.util.Collections.nCopies(c, key)));
    java.util.Collections.shuffle(hit, random);
    java.util.Collections.shuffle(miss, random);
    List<Rec> in = new ArrayList<>();
    List<Rec> out = new ArrayList<>();
    for (Rec r : population) {
      (group.test(r) ? in : out).add(r);
    }
    int take =
        Math.max(
            Math.max(0, in.size() - miss.size()), Math.min(k, Math.min(in.size(), hit.size())));
    List<String> forIn = new ArrayList<>(hit.subList(0, take));
    forIn.addAll(miss.subList(0, in.size() - take));
    List<String> forOut = new ArrayList<>(hit.subList(take, hit.size()));
    forOut.addAll(miss.subList(in.size() - take, miss.size()));
    java.util.Collections.shuffle(forIn, random);
    java.util.Collections.shuffle(forOut, random);
    put(in, field, forIn);
    put(out, field, forOut);
  }

  private static void put(List<Rec> records, Field field, List<String> keys) {
    for (int i = 0; i < records.size() && i < keys.size(); i++) {
      records.get(i).set(field.id(), keys.get(i).equals(Target.MISSING) ? null : keys.get(i));
    }
  }
}
