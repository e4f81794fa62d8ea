package org.idva.insights.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Builds one reporting year of one set of services: clients, intake cases (repeat referrals of the
 * same client), exits closing intakes of this year or the year before, reviews, criminal and civil
 * justice forms, children; then hands out every answer with the {@link Allocator}.
 */
final class YearBuilder {
  private static final Set<String> STRUCTURAL =
      Set.of(
          "case_ref",
          "client_ref",
          "intake_date",
          "exit_date",
          "review_date",
          "review_no",
          "report_no",
          "incident_no",
          "order_no",
          "child_no");

  final int startYear;
  final LocalDate first;
  final LocalDate last;
  final List<Rec> clients = new ArrayList<>();
  final List<Rec> intakes = new ArrayList<>();
  final List<Rec> exits = new ArrayList<>();
  final List<Rec> reviews = new ArrayList<>();
  final List<Rec> criminal = new ArrayList<>();
  final List<Rec> civil = new ArrayList<>();

  /** Intakes of the year before that this year's exits close (built here, belong there). */
  final CarriedIntakes carriedBack = new CarriedIntakes();

  private final Schema schema;
  final SeedTargets.YearTargets targets;
  private final Random random;
  private final Allocator allocator;
  private final Services services;
  private final boolean exact;

  /** How many intakes of the year before this year's exits may close (they must exist there). */
  int carryBudget;

  YearBuilder(
      Schema schema,
      SeedTargets.YearTargets targets,
      int startYear,
      Services services,
      Random random) {
    this.schema = schema;
    this.targets = targets;
    this.startYear = startYear;
    this.first = LocalDate.of(startYear, 4, 1);
    this.last = LocalDate.of(startYear + 1, 3, 31);
    this.services = services;
    this.random = random;
    this.allocator = new Allocator(random, new Numbers());
    this.exact = targets.year.equals("2023");
  }

  /** Builds the year; {@code carried} are this year's intakes already made by the next year. */
  void build(List<Rec> carried) {
    makeIntakes(carried);
    makeExits();
    datesForOpenCases();
    makeReviews();
    allocateForm("intake");
    SpecialTables special = new SpecialTables(schema, targets, random);
    Set<Rec> cohort = new HashSet<>();
    exits.forEach(e -> cohort.add(e.intake));
    special.fourOrMoreAces(intakes.stream().filter(r -> r.startYear == startYear).toList());
    special.multipleAbuseTypesAtIntake(
        intakes.stream().filter(r -> r.startYear == startYear).toList(), cohort);
    makeChildren();
    allocateGroup("intake.children", children());
    special.levelChange(exits);
    allocateForm("exit");
    special.relationshipChange(exits);
    special.dashPair(exits);
    special.escalation(exits);
    allocateForm("review");
    special.reviewAbuse(reviews);
    makeCriminalJustice();
    makeCivilJustice();
    List<Rec> yearIntakes = intakes.stream().filter(r -> r.startYear == startYear).toList();
    special.finishYear(yearIntakes, exits, startYear);
    carriedBack.cypsPart =
        special.cohortChildren(
            yearIntakes, exits, startYear, carried instanceof CarriedIntakes c ? c.cypsPart : null);
  }

  // ---- structure -------------------------------------------------------------------------

  private void makeIntakes(List<Rec> carried) {
    for (Rec intake : carried) {
      clients.add(intake.client);
      intakes.add(intake);
    }
    int newClients = targets.clients - carried.size();
    List<Rec> fresh = new ArrayList<>();
    for (int i = 0; i < newClients; i++) {
      Rec client = new Rec("client", startYear);
      client.service = services.pick(random);
      client.values.put("client_ref", services.nextClientRef(client.service));
      clients.add(client);
      fresh.add(client);
      intakes.add(newIntake(client));
    }
    int repeats = targets.intakes - targets.clients;
    Collections.shuffle(fresh, random);
    for (int i = 0; i < repeats; i++) {
      Rec repeat = newIntake(fresh.get(i % fresh.size()));
      repeat.values.put("referral_status", "repeat_to_service");
      intakes.add(repeat);
    }
  }

  Rec newIntake(Rec client) {
    Rec intake = new Rec("intake", client.startYear);
    intake.service = client.service;
    intake.client = client;
    intake.values.put("case_ref", services.nextCaseRef(client.service, client.startYear));
    client.children.add(intake);
    return intake;
  }

  private void makeExits() {
    Target lengths = new Target("case_length", false, exact);
    Set<String> used = new HashSet<>();
    for (JsonNode row : targets.caseLength.get("rows")) {
      String label = row.get("label").asText();
      Double v = SeedTargets.value(row, targets.year, null, exact);
      if (v == null) {
        continue;
      }
      switch (row.get("kind").asText()) {
        case "missing" -> lengths.missing = v;
        case "category" -> lengths.put(monthsBand(label), v);
        default -> {}
      }
      used.add(label);
    }
    Map<String, Integer> counts = Allocator.counts(lengths, null, targets.exits);
    List<String> keys = new ArrayList<>();
    counts.forEach((k, c) -> keys.addAll(Collections.nCopies(c, k)));
    Collections.shuffle(keys, random);
    List<Rec> pool = new ArrayList<>();
    for (Rec intake : intakes) {
      if (intake.startYear == startYear && intake.exit == null && intake.date == null) {
        pool.add(intake);
      }
    }
    Collections.shuffle(pool, random);
    int next = 0;
    for (String key : keys) {
      Rec exit = new Rec("exit", startYear);
      LocalDate exitDate;
      LocalDate intakeDate;
      if (key.equals(Target.MISSING)) {
        exitDate = randomDate(first, last.minusDays(31));
        intakeDate = exitDate.plusDays(1 + random.nextInt(30));
      } else {
        int months = Target.bandMin(key);
        int max = Target.bandMax(key) < 0 ? 11 : Target.bandMax(key);
        months += random.nextInt(max - months + 1);
        LocalDate earliest = first;
        double allow = Math.min(1.0, carryBudget / (0.45 * keys.size()));
        if (carriedBack.size() >= carryBudget || random.nextDouble() >= allow) {
          earliest = first.plusMonths(months).plusDays(28);
        }
        exitDate = randomDate(earliest, last);
        intakeDate = exitDate.minusMonths(months).minusDays(random.nextInt(28));
        if (intakeDate.isBefore(LocalDate.of(2020, 4, 1))) {
          intakeDate = LocalDate.of(2020, 4, 1);
        }
      }
      Rec intake;
      if (!intakeDate.isBefore(first)) {
        intake = pool.get(next++);
      } else {
        Rec client = new Rec("client", startYear - 1);
        client.service = services.pick(random);
        client.values.put("client_ref", services.nextClientRef(client.service));
        intake = newIntake(client);
        carriedBack.add(intake);
      }
      intake.date = intakeDate;
      intake.exit = exit;
      exit.intake = intake;
      exit.service = intake.service;
      exit.date = exitDate;
      exits.add(exit);
    }
  }

  private static String monthsBand(String label) {
    return switch (label) {
      case "0 - 1 month" -> Target.band(0, 1);
      case "2 months to 3 months" -> Target.band(2, 3);
      case "4 months to 5 months" -> Target.band(4, 5);
      case "6 months to 7 months" -> Target.band(6, 7);
      default -> Target.band(8, null);
    };
  }

  private void datesForOpenCases() {
    for (Rec client : clients) {
      for (Rec intake : client.children) {
        if (intake.date == null) {
          intake.date = randomDate(first, last);
        }
      }
    }
  }

  private void makeReviews() {
    int n = reviewCount();
    List<Rec> candidates = new ArrayList<>();
    for (Rec exit : exits) {
      LocalDate from = later(exit.intake.date.plusDays(14), first);
      if (ChronoUnit.DAYS.between(from, exit.date) >= 7) {
        candidates.add(exit);
      }
    }
    Collections.shuffle(candidates, random);
    for (Rec exit : candidates.subList(0, Math.min(n, candidates.size()))) {
      Rec review = new Rec("review", startYear);
      review.service = exit.service;
      review.intake = exit.intake;
      LocalDate wanted = exit.intake.date.plusDays(60 + random.nextInt(76));
      LocalDate from = later(exit.intake.date.plusDays(14), first);
      LocalDate to = exit.date.minusDays(1);
      review.date = wanted.isBefore(from) ? from : wanted.isAfter(to) ? to : wanted;
      review.values.put("review_no", 1L);
      reviews.add(review);
    }
  }

  private int reviewCount() {
    JsonNode yes = SeedTargets.seedRow(targets.reviewPoint, "Yes", new HashSet<>());
    Double v = SeedTargets.value(yes, targets.year, null, exact);
    return v == null ? targets.reviews : (int) Math.round(exact ? v : v * targets.exits / 100.0);
  }

  private void makeChildren() {
    List<Rec> parents = new ArrayList<>();
    int total = 0;
    for (Rec client : clients) {
      Object k = client.get("children_involved");
      if (k instanceof Long n && n > 0) {
        parents.add(client);
        total += n;
      }
    }
    Map<Rec, Integer> rows = new LinkedHashMap<>();
    for (Rec p : parents) {
      rows.put(p, ((Long) p.get("children_involved")).intValue());
    }
    int wanted = targets.children == null ? total : targets.children;
    List<Rec> order = new ArrayList<>(parents);
    Collections.shuffle(order, random);
    while (total > wanted) {
      order.sort(Comparator.comparingInt(p -> -rows.get(p)));
      Rec most = order.get(0);
      if (rows.get(most) <= 1) {
        break;
      }
      rows.merge(most, -1, Integer::sum);
      total--;
    }
    for (int i = 0; total < wanted && !order.isEmpty(); i++, total++) {
      rows.merge(order.get(i % order.size()), 1, Integer::sum);
    }
    for (Map.Entry<Rec, Integer> e : rows.entrySet()) {
      Rec intake = e.getKey().children.get(0);
      for (int c = 1; c <= e.getValue(); c++) {
        Rec child = new Rec("intake.children", intake.startYear);
        child.service = intake.service;
        child.intake = intake;
        child.values.put("case_ref", intake.get("case_ref"));
        child.values.put("child_no", (long) c);
        intake.children.add(child);
      }
    }
  }

  private List<Rec> children() {
    List<Rec> out = new ArrayList<>();
    for (Rec intake : intakes) {
      if (intake.startYear == startYear) {
        out.addAll(intake.children);
      }
    }
    return out;
  }

  private void makeCriminalJustice() {
    for (Rec exit : exits) {
      if ("yes".equals(exit.get("supported_criminal_justice"))) {
        Rec cj = new Rec("criminal_justice", startYear);
        cj.service = exit.service;
        cj.intake = exit.intake;
        cj.exit = exit;
        cj.values.put("case_ref", exit.intake.get("case_ref"));
        criminal.add(cj);
      }
    }
    if (criminal.isEmpty()) {
      return;
    }
    int reports = targets.policeReports == null ? criminal.size() : targets.policeReports;
    reports = Math.max(reports, criminal.size());
    List<Rec> allReports = new ArrayList<>();
    for (int i = 0; i < reports; i++) {
      Rec cj =
          i < criminal.size() ? criminal.get(i) : criminal.get(random.nextInt(criminal.size()));
      Rec report = new Rec("criminal_justice.police_reports", startYear);
      report.service = cj.service;
      report.intake = cj;
      cj.children.add(report);
      report.values.put("case_ref", cj.get("case_ref"));
      report.values.put("report_no", (long) cj.children.size());
      allReports.add(report);
    }
    allocateGroup("criminal_justice.police_reports", allReports);
    // incident types: a multi-select over police reports (one incident per ticked type)
    Field type = schema.field("criminal_justice.incidents.incident_type").orElseThrow();
    Target typeTarget = targets.fields.get("criminal_justice.incidents.incident_type");
    List<Rec> typed = new ArrayList<>();
    for (Rec report : allReports) {
      Rec holder = new Rec("holder", startYear);
      holder.service = report.service;
      holder.intake = report;
      typed.add(holder);
    }
    if (typeTarget != null) {
      allocator.allocate(typed, type, typeTarget);
    }
    int incidents = targets.incidents == null ? allReports.size() : targets.incidents;
    List<Rec> allIncidents = new ArrayList<>();
    for (Rec holder : typed) {
      Object ticks = holder.get("incident_type");
      if (ticks instanceof Collection<?> c && !c.isEmpty()) {
        for (Object t : c) {
          allIncidents.add(incident(holder.intake, t.toString()));
        }
      } else {
        allIncidents.add(incident(holder.intake, null));
      }
    }
    while (allIncidents.size() < incidents) {
      allIncidents.add(incident(allReports.get(random.nextInt(allReports.size())), null));
    }
    allocateGroup("criminal_justice.incidents", allIncidents);
  }

  private Rec incident(Rec report, String type) {
    Rec incident = new Rec("criminal_justice.incidents", startYear);
    incident.service = report.service;
    incident.intake = report;
    report.children.add(incident);
    incident.values.put("case_ref", report.get("case_ref"));
    incident.values.put("report_no", report.get("report_no"));
    incident.values.put("incident_no", (long) report.children.size());
    if (type != null) {
      incident.values.put("incident_type", type);
    }
    return incident;
  }

  private void makeCivilJustice() {
    for (Rec exit : exits) {
      if ("yes".equals(exit.get("supported_civil_justice"))) {
        Rec cv = new Rec("civil_justice", startYear);
        cv.service = exit.service;
        cv.intake = exit.intake;
        cv.exit = exit;
        cv.values.put("case_ref", exit.intake.get("case_ref"));
        civil.add(cv);
      }
    }
    allocateGroup("civil_justice", civil);
    if (civil.isEmpty() || targets.civilOrders == null) {
      return;
    }
    // in report order: the loop below draws random numbers, so its order must be fixed (Map.of's
    // iteration order changes from one JVM run to the next)
    Map<String, String> outcomes =
        linked("Applied for", "applied_for", "Granted", "granted", "Not granted", "not_granted");
    Field orderType = schema.field("civil_justice.civil_orders.order_type").orElseThrow();
    int n = civil.size();
    for (JsonNode row : targets.civilOrders.get("rows")) {
      String typeCode =
          orderType.codeList().byLabel(row.get("label").asText()).map(c -> c.code()).orElse(null);
      if (typeCode == null) {
        continue;
      }
      int breached = count(row, "Breached", n);
      for (Map.Entry<String, String> o : outcomes.entrySet()) {
        int k = count(row, o.getKey(), n);
        for (int i = 0; i < k; i++) {
          Rec cv = civil.get(random.nextInt(n));
          Rec order = new Rec("civil_justice.civil_orders", startYear);
          order.service = cv.service;
          order.intake = cv;
          cv.children.add(order);
          order.values.put("case_ref", cv.get("case_ref"));
          order.values.put("order_no", (long) cv.children.size());
          order.values.put("order_type", typeCode);
          order.values.put("order_outcome", o.getValue());
          if (o.getValue().equals("granted")) {
            order.values.put("order_breached", breached-- > 0 ? "yes" : "no");
          }
        }
      }
    }
  }

  private int count(JsonNode row, String group, int n) {
    Double v = SeedTargets.value(row, targets.year, group, exact);
    if (v == null) {
      return 0;
    }
    return (int) Math.round(exact ? v : v * n / 100.0);
  }

  // ---- answers ---------------------------------------------------------------------------

  private void allocateForm(String form) {
    SheetDefinition sheet = schema.sheet(form).orElseThrow();
    List<Rec> records =
        switch (form) {
          case "intake" -> intakes.stream().filter(r -> r.startYear == startYear).toList();
          case "exit" -> exits;
          case "review" -> reviews;
          default -> List.of();
        };
    if (form.equals("intake")) {
      allocateIntake(sheet);
      return;
    }
    allocateGroup(sheet.ref(), records);
  }

  private void allocateIntake(SheetDefinition sheet) {
    List<Rec> current = intakes.stream().filter(r -> r.startYear == startYear).toList();
    List<Rec> yearClients = clients.stream().filter(r -> r.startYear == startYear).toList();
    List<Rec> cohort = exits.stream().map(e -> e.intake).toList();
    for (Field field : sheet.fields()) {
      if (STRUCTURAL.contains(field.id())) {
        continue;
      }
      String ref = "intake." + field.id();
      Target target = targets.fields.get(ref);
      if (targets.clientFields.contains(ref)) {
        if (target != null) {
          allocator.allocate(asked(yearClients, field), field, target);
        }
        continue;
      }
      Target cohortTarget = targets.cohort.get(ref);
      if (cohortTarget == null && target != null && NEEDS.containsKey(field.id())) {
        cohortTarget = needCohortTarget(field, target, current, cohort.size());
      }
      if (cohortTarget != null) {
        allocateCohort(cohort, current, field, cohortTarget, target);
      }
      if (target != null) {
        allocator.allocate(asked(current, field), field, target);
      }
    }
  }

  /** Needs at intake named in the needs-and-support matrix: field id → the matrix row label. */
  static final Map<String, String> NEEDS =
      linked(
          "need_housing", "Housing",
          "need_physical_health", "Physical health",
          "need_mental_health", "Mental health",
          "need_drug_misuse", "Drug misuse",
          "need_alcohol_misuse", "Alcohol misuse",
          "need_children_parenting", "Children/parenting",
          "need_finance", "Finance, benefits and debt",
          "need_eet", "Employment, education and training",
          "need_social_community", "Social and community support",
          "need_immigration", "Immigration");

  /**
   * An unmodifiable map of key, value pairs that iterates in the order given (the sample draws
   * random numbers while iterating, so its order must not change between runs as Map.of's does).
   */
  static Map<String, String> linked(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(out);
  }

  private static final String MATRIX = "needs_support_matrix";
  private static final Set<String> IMPROVED = Set.of("improved_greatly", "improved_slightly");

  /** The exit cohort's need answers: the matrix's "identified with needs", the rest like all. */
  private Target needCohortTarget(Field field, Target target, List<Rec> current, int cohortSize) {
    Double v = targets.figure(MATRIX, NEEDS.get(field.id()), "Clients identified with needs");
    if (v == null) {
      return null;
    }
    int yes = (int) Math.round(exact ? v : v * cohortSize / 100.0);
    Map<String, Integer> all = Allocator.counts(target, field, asked(current, field).size());
    int others =
        all.entrySet().stream()
            .filter(e -> !e.getKey().equals("yes"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    Target t = new Target(field.id(), false, true);
    t.put("yes", yes);
    for (Map.Entry<String, Integer> e : all.entrySet()) {
      if (!e.getKey().equals("yes") && others > 0) {
        double share = (double) e.getValue() * (cohortSize - yes) / others;
        if (e.getKey().equals(Target.MISSING)) {
          t.missing = share;
        } else {
          t.put(e.getKey(), share);
        }
      }
    }
    return t;
  }

  /** Exit support answers crossed with the need at intake (the matrix's other columns). */
  private boolean allocateMatrixField(List<Rec> population, Field field, Target target) {
    String id = field.id();
    if (!id.startsWith("support_") || id.endsWith("_outcomes")) {
      return false;
    }
    String suffix =
        id.replaceFirst("^support_", "").replaceFirst("_impact_(safety|wellbeing)$", "");
    String need = "need_" + suffix;
    String label = NEEDS.get(need);
    if (label == null) {
      return false;
    }
    java.util.function.Predicate<Rec> hasNeed = r -> "yes".equals(r.intake.get(need));
    if (id.equals("support_" + suffix)) {
      List<Rec> group = population.stream().filter(hasNeed).toList();
      Double v = targets.figure(MATRIX, label, "Support provided");
      if (v == null) {
        return false;
      }
      int k = (int) Math.round(exact ? v : v * group.size() / 100.0);
      allocator.allocateSplit(
          population,
          field,
          askedTarget("exit", field, target, population),
          hasNeed,
          Set.of("yes"),
          k);
      return true;
    }
    String column = id.endsWith("_safety") ? "Improved safety" : "Improved wellbeing";
    Double v = targets.figure(MATRIX, label, column);
    if (v == null) {
      return false;
    }
    List<Rec> group = population.stream().filter(hasNeed).toList();
    int k = (int) Math.round(exact ? v : v * group.size() / 100.0);
    allocator.allocateSplit(population, field, target, hasNeed, IMPROVED, k);
    return true;
  }

  /**
   * Adds {@code diff} (one at a time) to the answers other than {@code fixed}, each time to the one
   * with the most room left inside the rounding of its printed %, so they keep their % if they can.
   */
  private static void rebalance(
      Map<String, Integer> counts, String fixed, int diff, Target target, int n) {
    int step = Integer.signum(diff);
    for (int i = 0; i < Math.abs(diff); i++) {
      String best = null;
      double bestRoom = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        if (c.getKey().equals(fixed) || (step < 0 && c.getValue() <= 0)) {
          continue;
        }
        Double pct =
            c.getKey().equals(Target.MISSING) ? target.missing : target.weights.get(c.getKey());
        double share = pct == null ? 0 : pct;
        double edge = (share + step * 0.5) * n / 100.0; // the count at which its % would change
        double room = step * (edge - c.getValue()) + c.getValue() * 1e-9;
        if (room > bestRoom) {
          bestRoom = room;
          best = c.getKey();
        }
      }
      if (best == null) {
        return;
      }
      counts.merge(best, step, Integer::sum);
    }
  }

  /**
   * For an earlier year: the target as exact counts over the population, where an answer that asks
   * a follow-up question is given by the n the follow-up's table prints (the difference taken from,
   * or given to, the largest other answer). Otherwise the target as it is.
   */
  private Target askedTarget(String sheetRef, Field field, Target target, List<Rec> population) {
    String prefix = sheetRef + "." + field.id() + "=";
    if (exact || target.multi) {
      return target;
    }
    Map<String, Integer> counts = null;
    for (Map.Entry<String, Integer> e : targets.askedN.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        if (counts == null) {
          counts = Allocator.counts(target, field, population.size());
        }
        String code = e.getKey().substring(prefix.length());
        int wanted = Math.min(e.getValue(), population.size());
        Double pct = target.weights.get(code);
        if (pct != null) {
          // kept within the rounding of the answer's own printed %: where the two disagree (the
          // seed's follow-up n off its parent's %), the parent's table wins
          int n = population.size();
          wanted =
              Math.max(PercentFit.lowest(pct, n), Math.min(PercentFit.highest(pct, n), wanted));
        }
        int diff = wanted - counts.getOrDefault(code, 0);
        counts.put(code, wanted);
        rebalance(counts, code, -diff, target, population.size());
      }
    }
    if (counts == null) {
      return target;
    }
    Target out = new Target(target.field, target.multi, true);
    counts.forEach(
        (key, c) -> {
          if (key.equals(Target.MISSING)) {
            out.missing = (double) c;
          } else {
            out.put(key, c);
          }
        });
    return out;
  }

  /**
   * The exit cohort's intake answers (intake-vs-exit tables) first: answers the year's intake table
   * cannot absorb go to cohort intakes of the year before.
   */
  private void allocateCohort(
      List<Rec> cohort, List<Rec> current, Field field, Target cohortTarget, Target target) {
    if (target != null) {
      Map<String, Integer> budget = Allocator.counts(target, field, asked(current, field).size());
      Map<String, Integer> wanted = Allocator.counts(cohortTarget, field, cohort.size());
      List<Rec> previous = new ArrayList<>();
      for (Rec r : cohort) {
        if (r.startYear != startYear && r.get(field.id()) == null) {
          previous.add(r);
        }
      }
      Collections.shuffle(previous, random);
      int p = 0;
      for (Map.Entry<String, Integer> e : wanted.entrySet()) {
        int excess = e.getValue() - budget.getOrDefault(e.getKey(), 0);
        for (int i = 0; i < excess && p < previous.size(); i++) {
          previous.get(p).set(field.id(), e.getKey().equals(Target.MISSING) ? null : e.getKey());
          p++;
        }
      }
    }
    allocator.allocate(cohort, field, cohortTarget);
  }

  private void allocateGroup(String sheetRef, List<Rec> records) {
    SheetDefinition sheet = schema.sheet(sheetRef).orElseThrow();
    for (Field field : sheet.fields()) {
      if (STRUCTURAL.contains(field.id()) || records.isEmpty()) {
        continue;
      }
      Target target = targets.fields.get(sheet.ref() + "." + field.id());
      if (target != null && !(field.id().equals("incident_type"))) {
        List<Rec> asked = asked(records, field);
        if (!(sheetRef.equals("exit") && allocateMatrixField(asked, field, target))) {
          allocator.allocate(asked, field, askedTarget(sheetRef, field, target, asked));
        }
      }
    }
  }

  /** The records where the field is asked: its condition holds (children involved for CYPS). */
  private static List<Rec> asked(List<Rec> records, Field field) {
    List<Rec> out = new ArrayList<>();
    for (Rec r : records) {
      if (field.id().equals("cyps_involvement") && r.sheet.equals("client")) {
        if (!(r.get("children_involved") instanceof Long k && k > 0)) {
          continue;
        }
      }
      if (field.isConditional()) {
        Object parent = r.get(field.when().field());
        boolean holds =
            parent instanceof Collection<?> ticks
                ? ticks.stream().anyMatch(t -> field.when().codes().contains(t.toString()))
                : parent != null && field.when().codes().contains(parent.toString());
        if (!holds) {
          continue;
        }
      }
      out.add(r);
    }
    return out;
  }

  private LocalDate randomDate(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return from.plusDays(days <= 0 ? 0 : (long) random.nextInt((int) days + 1));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static boolean isNumber(Field f) {
    return f.type() == FieldType.INTEGER;
  }
}
