package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;

/**
 * The last pass over a built sample: makes the averages and medians the report prints (its rows of
 * kind {@code average} and {@code median}, read from the table definitions) come out at the seed's
 * figures, without changing any count the allocation made exact. Numbers move only inside their
 * band; counts asked by a yes ("how many times?") are handed out with the printed mean; days from
 * intake to review move the review date inside the case. A year that prints an average for a
 * question its own data never asked (the earliest year's Dash ticks and ACEs) first takes the
 * answers of the year after it, in the same proportions.
 *
 * <p>Runs after every year is built, on a random stream of its own, so the allocation of every
 * table stays as it was.
 */
final class SummaryFit {
  private static final int COUNT_CAP = 12;

  private final Schema schema;
  private final SeedTargets seed;
  private final Random random;

  SummaryFit(Schema schema, SeedTargets seed, Random random) {
    this.schema = schema;
    this.seed = seed;
    this.random = random;
  }

  /** Fits every year, the latest first (an earlier year may borrow from a fitted later one). */
  void apply(List<YearBuilder> years) {
    List<YearBuilder> latestFirst = new ArrayList<>(years);
    latestFirst.sort(Comparator.comparingInt((YearBuilder y) -> y.startYear).reversed());
    for (int i = 0; i < latestFirst.size(); i++) {
      YearBuilder later = i == 0 ? null : latestFirst.get(i - 1);
      fitYear(latestFirst.get(i), later);
    }
  }

  private void fitYear(YearBuilder year, YearBuilder later) {
    String label = Integer.toString(year.startYear + 1);
    SeedTargets.YearTargets targets = year.targets;
    if (!targets.exact()) {
      YearBuilder.NEEDS.forEach((need, row) -> fitNeedGroup(year, targets, need, row));
    }
    targets.cohortBases.forEach(
        (ref, codes) -> codes.forEach((code, cp) -> fitChangeBase(year, ref, code, cp[0], cp[1])));
    for (JsonNode def : seed.definitions()) {
      JsonNode table = seed.seedTable(def.get("id").asText());
      if (table == null || !def.has("rows")) {
        continue;
      }
      Set<String> used = new HashSet<>();
      for (JsonNode row : def.get("rows")) {
        String kind = row.path("kind").asText("");
        JsonNode seedRow = SeedTargets.seedRow(table, row.get("label").asText(), used);
        if (!kind.equals("average") && !kind.equals("median")) {
          continue;
        }
        Double target = printed(seedRow, label);
        if (target != null) {
          fitRow(year, later, def, row, target);
        }
      }
    }
  }

  private void fitRow(
      YearBuilder year, YearBuilder later, JsonNode def, JsonNode row, double target) {
    boolean median = row.path("stat").asText().equals("median");
    JsonNode value = row.get("value");
    if (value != null && value.has("days_between")) {
      if (median && value.get("days_between").get(1).asText().endsWith("exit_date")) {
        StatFit.fitMedian(exitDays(year), target, random); // case length: whole weeks, as days
      } else if (median) {
        List<StatFit.Slot> slots = reviewDays(year);
        // whole days: an odd number of cases cannot have a median of a half (seed-deviations.md)
        double whole = slots.size() % 2 == 1 ? Math.floor(target + 0.5) : target;
        StatFit.fitMedian(slots, whole, random);
      }
      return;
    }
    if (def.path("base").asText().equals("unique_clients") || row.has("filter")) {
      return; // asked of clients or a sub-population: already calibrated by their bands
    }
    String ref =
        value != null && value.isTextual()
            ? value.asText()
            : row.has("field") ? row.get("field").asText() : def.path("field").asText(null);
    Field field = ref == null ? null : schema.field(ref).orElse(null);
    if (field == null) {
      return;
    }
    List<Rec> records = records(year, ref);
    Set<Rec> borrowed = new HashSet<>();
    if (later != null && rarelyAsked(records, records(later, ref), field)) {
      borrowed = borrow(records, records(later, ref), field);
    }
    int decimals = row.path("decimals").asInt(0);
    // an intake answer compared with the exit's (an intake-vs-exit table) keeps its value
    // (values just borrowed are new, so free to move)
    Set<Rec> fresh = borrowed;
    java.util.function.Predicate<Rec> fixed =
        paired(ref) ? r -> r.exit != null && !fresh.contains(r) : r -> false;
    List<StatFit.Slot> slots;
    if (field.type() == FieldType.MULTI_CODE) {
      slots = tickSlots(records, field, fixed);
    } else if (field.type() == FieldType.INTEGER) {
      slots = numberSlots(records, field, bands(def, row), fixed);
    } else {
      return;
    }
    double current = median ? medianOf(slots) : meanOf(slots);
    if (slots.isEmpty() || round(current, decimals) == round(target, decimals)) {
      return;
    }
    if (median) {
      StatFit.fitMedian(slots, target, random);
    } else {
      StatFit.fitMean(slots, target, random);
    }
  }

  /**
   * A change table's implied base: the number of the year's exits whose intake gave {@code code}
   * must make {@code count} round to {@code pct}. Moves the code between the year's intakes, one
   * swap at a time: an exit-cohort intake whose exit kept its answer unchanged takes the code (its
   * exit too), an intake with no exit in the year gives it up for the other's answer. The year's
   * intake counts and the change counts stay as they are.
   */
  private void fitChangeBase(YearBuilder year, String ref, String code, double count, double pct) {
    if (!ref.startsWith("intake.")) {
      return;
    }
    String id = ref.substring("intake.".length());
    List<Rec> cohort = new ArrayList<>();
    int base = 0;
    for (Rec exit : year.exits) {
      if (code.equals(exit.intake.get(id))) {
        base++;
      } else if (exit.intake.startYear == year.startYear
          && exit.intake.get(id) != null
          && exit.intake.get(id).equals(exit.get(id))) {
        cohort.add(exit.intake);
      }
    }
    List<Rec> givers = new ArrayList<>();
    for (Rec r : year.intakes) {
      if (r.startYear == year.startYear && code.equals(r.get(id)) && !inExits(r, year)) {
        givers.add(r);
      }
    }
    Collections.shuffle(cohort, random);
    Collections.shuffle(givers, random);
    int want = (int) Math.round(count * 100 / pct);
    while (Math.floor(100 * count / Math.max(1, base) + 0.5) != pct
        && base < want
        && !cohort.isEmpty()
        && !givers.isEmpty()) {
      Rec taker = cohort.remove(cohort.size() - 1);
      Rec giver = givers.remove(givers.size() - 1);
      Object old = taker.get(id);
      taker.set(id, code);
      taker.exit.set(id, code);
      giver.set(id, old);
      base++;
    }
  }

  /**
   * Needs & support matrix, earlier years: "Support provided" is a % of the exit cases with the
   * need, and the supported are the n the support tables print. Where the need group is too big for
   * that %, exit-cohort intakes that were not supported give their need to intakes of the same year
   * with no exit in it (the year's need counts stay), within the rounding of the group's own
   * printed %.
   */
  private void fitNeedGroup(
      YearBuilder year, SeedTargets.YearTargets targets, String need, String label) {
    String support = "support_" + need.substring("need_".length());
    Integer supported = targets.askedN.get("exit." + support + "=yes");
    Double share = targets.figure("needs_support_matrix", label, "Support provided");
    Double identified =
        targets.figure("needs_support_matrix", label, "Clients identified with needs");
    if (supported == null || share == null || share <= 0 || identified == null) {
      return;
    }
    int n = year.exits.size();
    int lowest = PercentFit.lowest(identified, n);
    List<Rec> drop = new ArrayList<>();
    int group = 0;
    for (Rec exit : year.exits) {
      if ("yes".equals(exit.intake.get(need))) {
        group++;
        if (!"yes".equals(exit.get(support)) && exit.intake.startYear == year.startYear) {
          drop.add(exit.intake);
        }
      }
    }
    List<Rec> takers = new ArrayList<>();
    for (Rec r : year.intakes) {
      if (r.startYear == year.startYear && "no".equals(r.get(need)) && r.exit == null) {
        takers.add(r); // no exit in any year: no exit cohort's matrix moves
      }
    }
    Collections.shuffle(drop, random);
    Collections.shuffle(takers, random);
    while (Math.floor(100.0 * supported / Math.max(1, group) + 0.5) < share
        && group > lowest
        && !drop.isEmpty()
        && !takers.isEmpty()) {
      Rec from = drop.remove(drop.size() - 1);
      Rec to = takers.remove(takers.size() - 1);
      from.set(need, "no");
      to.set(need, "yes");
      group--;
    }
  }

  private static boolean inExits(Rec intake, YearBuilder year) {
    return intake.exit != null && intake.exit.startYear == year.startYear;
  }

  /** Whether an intake-vs-exit table compares this field's answers (its values are paired). */
  private boolean paired(String ref) {
    for (JsonNode def : seed.definitions()) {
      if (def.path("measure").asText().equals("pair")) {
        for (JsonNode column : def.path("columns")) {
          if (ref.equals(column.path("field").asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The year's records of the field's sheet (intakes opened in the year, the year's exits). */
  private static List<Rec> records(YearBuilder year, String ref) {
    if (ref.startsWith("intake.")) {
      return year.intakes.stream().filter(r -> r.startYear == year.startYear).toList();
    }
    if (ref.startsWith("exit.")) {
      return year.exits;
    }
    return List.of();
  }

  /**
   * Gives records that were never asked a question the answers of the year after, in the same
   * proportions (a systematic sample of the donors), together with the answer it depends on.
   */
  private Set<Rec> borrow(List<Rec> records, List<Rec> donors, Field field) {
    Set<Rec> out = new HashSet<>();
    if (donors.isEmpty()) {
      return out;
    }
    String parent = field.isConditional() ? field.when().field() : null;
    List<Rec> from = new ArrayList<>(donors);
    Collections.shuffle(from, random);
    List<Rec> to = new ArrayList<>(records);
    Collections.shuffle(to, random);
    for (int i = 0; i < to.size(); i++) {
      Rec donor = from.get((int) ((long) i * from.size() / to.size()));
      Rec r = to.get(i);
      if (r.get(field.id()) != null || (parent != null && r.get(parent) != null)) {
        continue; // already set (by an intake-vs-exit fit): kept
      }
      if (parent != null && !r.blank.contains(parent)) {
        r.set(parent, copy(donor.get(parent)));
      }
      r.set(field.id(), copy(donor.get(field.id())));
      out.add(r);
    }
    return out;
  }

  /**
   * Whether the year's own allocation never asked the question: fewer than a quarter as many of its
   * records hold it (or the answer it depends on) as the year after's (an intake-vs-exit fit may
   * have set it on a few).
   */
  private static boolean rarelyAsked(List<Rec> records, List<Rec> later, Field field) {
    String parent = field.isConditional() ? field.when().field() : null;
    java.util.function.Predicate<Rec> holds =
        r -> r.get(field.id()) != null || (parent != null && r.get(parent) != null);
    double here =
        records.isEmpty() ? 0 : records.stream().filter(holds).count() / (double) records.size();
    double there =
        later.isEmpty() ? 0 : later.stream().filter(holds).count() / (double) later.size();
    return here < there / 4;
  }

  private static Object copy(Object v) {
    return v instanceof Collection<?> c ? new ArrayList<>(c) : v;
  }

  /** Number slots: a filled number moves inside its band; a count asked by a yes starts at 1. */
  private List<StatFit.Slot> numberSlots(
      List<Rec> records, Field field, List<int[]> bands, java.util.function.Predicate<Rec> fixed) {
    int min = field.min() == null ? 0 : field.min().intValue();
    int max = field.max() == null ? Integer.MAX_VALUE : field.max().intValue();
    boolean counts = bands.isEmpty();
    List<StatFit.Slot> out = new ArrayList<>();
    for (Rec r : records) {
      Object v = r.get(field.id());
      if (v == null && counts && asked(r, field) && !r.blank.contains(field.id())) {
        r.set(field.id(), (long) Math.max(1, min));
        v = r.get(field.id());
      }
      if (!(v instanceof Long n)) {
        continue;
      }
      int lo = counts ? min : n.intValue(); // a number in no band stays where it is
      int hi = counts ? Math.min(max, COUNT_CAP) : n.intValue();
      for (int[] band : bands) {
        if (n >= band[0] && n <= band[1]) {
          lo = Math.max(min, band[0]);
          hi = Math.min(max, band[1]);
        }
      }
      if (fixed.test(r)) {
        lo = n.intValue();
        hi = n.intValue();
      }
      out.add(slot(n.intValue(), lo, hi, x -> r.set(field.id(), (long) x)));
    }
    return out;
  }

  /** Slots for the number of ticks of a multi-select answer (at least one, at most every code). */
  private List<StatFit.Slot> tickSlots(
      List<Rec> records, Field field, java.util.function.Predicate<Rec> fixed) {
    List<String> codes = field.codeList().codes().stream().map(c -> c.code()).toList();
    List<StatFit.Slot> out = new ArrayList<>();
    for (Rec r : records) {
      if (r.get(field.id()) instanceof Collection<?> ticks && !ticks.isEmpty()) {
        boolean still = fixed.test(r);
        out.add(
            slot(
                ticks.size(),
                still ? ticks.size() : 1,
                still ? ticks.size() : codes.size(),
                k -> {
                  List<String> mine = new ArrayList<>();
                  ((Collection<?>) r.get(field.id())).forEach(t -> mine.add(t.toString()));
                  while (mine.size() > k) {
                    mine.remove(random.nextInt(mine.size()));
                  }
                  List<String> others = new ArrayList<>(codes);
                  others.removeAll(mine);
                  Collections.shuffle(others, random);
                  while (mine.size() < k) {
                    mine.add(others.remove(0));
                  }
                  mine.sort(Comparator.comparingInt(codes::indexOf));
                  r.set(field.id(), mine);
                }));
      }
    }
    return out;
  }

  /** Days from intake to review: the review date moves within 14 days of intake and the exit. */
  private static List<StatFit.Slot> reviewDays(YearBuilder year) {
    LocalDate first = LocalDate.of(year.startYear, 4, 1);
    List<StatFit.Slot> out = new ArrayList<>();
    for (Rec review : year.reviews) {
      Rec intake = review.intake;
      if (intake == null || intake.date == null || intake.exit == null) {
        continue;
      }
      LocalDate from = intake.date.plusDays(14);
      from = from.isBefore(first) ? first : from;
      LocalDate to = intake.exit.date.minusDays(1);
      int days = (int) ChronoUnit.DAYS.between(intake.date, review.date);
      int lo = (int) ChronoUnit.DAYS.between(intake.date, from);
      int hi = (int) ChronoUnit.DAYS.between(intake.date, to);
      if (lo > hi) {
        continue;
      }
      out.add(slot(days, lo, hi, d -> review.date = intake.date.plusDays(d)));
    }
    return out;
  }

  /**
   * Days from intake to exit for the year's exits: the exit date moves within the year and its
   * whole-month band (so the case-length bands stay) and stays after every review of the case.
   */
  private static List<StatFit.Slot> exitDays(YearBuilder year) {
    Map<Rec, LocalDate> lastReview = new HashMap<>();
    for (Rec review : year.reviews) {
      if (review.intake != null && review.date != null) {
        lastReview.merge(review.intake, review.date, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<StatFit.Slot> out = new ArrayList<>();
    for (Rec exit : year.exits) {
      Rec intake = exit.intake;
      if (intake == null
          || intake.date == null
          || exit.date == null
          || exit.date.isBefore(intake.date)) {
        continue;
      }
      long months = ChronoUnit.MONTHS.between(intake.date, exit.date);
      LocalDate from = intake.date.plusMonths(months);
      LocalDate to = intake.date.plusMonths(months + 1);
      while (ChronoUnit.MONTHS.between(intake.date, from) < months) {
        from = from.plusDays(1);
      }
      while (ChronoUnit.MONTHS.between(intake.date, to) > months) {
        to = to.minusDays(1);
      }
      LocalDate review = lastReview.get(intake);
      if (review != null && !review.isBefore(from)) {
        from = review.plusDays(1);
      }
      from = from.isBefore(year.first) ? year.first : from;
      to = to.isAfter(year.last) ? year.last : to;
      int days = (int) ChronoUnit.DAYS.between(intake.date, exit.date);
      int lo = (int) ChronoUnit.DAYS.between(intake.date, from);
      int hi = (int) ChronoUnit.DAYS.between(intake.date, to);
      if (lo > days || hi < days) {
        continue; // already outside its room (a slip): left as it is
      }
      out.add(slot(days, lo, hi, d -> exit.date = intake.date.plusDays(d)));
    }
    return out;
  }

  private static boolean asked(Rec r, Field field) {
    return !field.isConditional() || field.when().holds(r.get(field.when().field()));
  }

  /** The definition's band rows as {min, max} (open bands end at Integer.MAX_VALUE). */
  private static List<int[]> bands(JsonNode def, JsonNode row) {
    List<int[]> out = new ArrayList<>();
    for (JsonNode r : def.get("rows")) {
      JsonNode b = r.get("bands");
      if (b != null && !r.has("field")) {
        out.add(
            new int[] {
              b.has("min") ? b.get("min").asInt() : Integer.MIN_VALUE,
              b.has("max") ? b.get("max").asInt() : Integer.MAX_VALUE
            });
      }
    }
    return out;
  }

  /** The seed's printed figure of a row for a year, as a number (days, weeks or plain), or null. */
  static Double printed(JsonNode row, String year) {
    if (row == null) {
      return null;
    }
    String key = year + ".value";
    JsonNode days = row.path("value_days").get(key);
    if (days != null && days.isNumber()) {
      return days.asDouble();
    }
    JsonNode weeks = row.path("value_weeks").get(key);
    if (weeks != null && weeks.isNumber()) {
      return weeks.asDouble() * 7; // a median of whole weeks: days that divide to it exactly
    }
    JsonNode v = row.path("values").get(key);
    if (v == null || !v.isNumber()) {
      return null; // text figures (weeks, years and months) are fitted by their bands
    }
    return v.asDouble();
  }

  private static double meanOf(List<StatFit.Slot> slots) {
    return slots.stream().mapToInt(StatFit.Slot::value).average().orElse(Double.NaN);
  }

  private static double medianOf(List<StatFit.Slot> slots) {
    return slots.isEmpty()
        ? Double.NaN
        : StatFit.median(slots.stream().mapToInt(StatFit.Slot::value).toArray());
  }

  private static double round(double v, int decimals) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }

  private static StatFit.Slot slot(int value, int lo, int hi, java.util.function.IntConsumer set) {
    return new StatFit.Slot() {
      private int current = value;

      @Override
      public int value() {
        return current;
      }

      @Override
      public int lo() {
        return lo;
      }

      @Override
      public int hi() {
        return hi;
      }

      @Override
      public void set(int v) {
        current = v;
        set.accept(v);
      }
    };
  }
}
