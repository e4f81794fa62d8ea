package org.idva.insights.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Synthetic returns for nine services over three reporting years (2020-21 to 2022-23), calibrated
 * so that the 2022-23 data reproduces the seed report's counts and the earlier years its
 * percentages. Deterministic for a seed.
 *
 * <p>{@code scale} K multiplies the case volume K times with more services and more cases per
 * service: {@link #groups()} sets of nine services, each with up to {@link #buildsPerGroup()}
 * seed-sized <em>builds</em> (the three years of one seed-sized set of cases; about the square root
 * of K each way: scale 100 is 10 sets of nine services, each service with 10 times the cases). The
 * builds of the first set are calibrated, in parallel, each with its own random stream and its own
 * block of case and client ref numbers ({@link #REF_BLOCK}); every later set replays the first
 * set's builds under its own service codes (a case ref that starts with the service code gets the
 * set's code), so generating K builds costs about sqrt(K) calibrations, and every case ref stays
 * unique within its service. Returns are handed out one at a time. Scale 1 is one build in one set:
 * exactly the calibrated sample, slips included.
 */
public final class SampleGenerator {
  /** First calendar year of each reporting year generated, newest first (it is built first). */
  static final int[] START_YEARS = {2022, 2021, 2020};

  private final Schema schema;
  private final long seed;
  private final int scale;
  private final SeedTargets seedTargets;
  private int threads = Runtime.getRuntime().availableProcessors();

  public SampleGenerator(Schema schema, long seed, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1, was " + scale);
    }
    this.schema = schema;
    this.seed = seed;
    this.scale = scale;
    this.seedTargets = new SeedTargets(schema);
  }

  /** Calibrates on at most {@code n} threads (default: one per processor); the same output. */
  SampleGenerator threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /** Builds pooled into one set of nine services: ceil(sqrt(scale)). */
  public int buildsPerGroup() {
    int m = (int) Math.ceil(Math.sqrt(scale));
    while ((long) (m - 1) * (m - 1) >= scale) {
      m--; // guard against rounding up a perfect square
    }
    return m;
  }

  /** Sets of nine services: ceil(scale / buildsPerGroup). */
  public int groups() {
    return (scale + buildsPerGroup() - 1) / buildsPerGroup();
  }

  /** Services written: nine per set. */
  public int serviceCount() {
    return groups() * Services.SIZES.length;
  }

  /** The codes of every service the sample writes returns for, in order. */
  public java.util.List<String> serviceCodes() {
    java.util.List<String> codes = new java.util.ArrayList<>();
    for (int n = 1; n <= serviceCount(); n++) {
      codes.add(Services.code(n));
    }
    return codes;
  }

  /** The number of returns {@link #generate} produces: services x 4 quarters x 3 years. */
  public int returnCount() {
    return serviceCount() * 4 * START_YEARS.length;
  }

  /**
   * Produces every return, one set of services at a time, one return at a time. The first set's
   * builds are calibrated (in parallel, one build per processor); every later set replays the first
   * of them under its own service codes and refs.
   */
  public void generate(Consumer<ReturnContent> sink) {
    List<Filings> calibrated = calibrate(buildRange(0)[1]);
    for (int group = 0; group < groups(); group++) {
      forEachReturn(group, calibrated, sink);
    }
  }

  /** The returns of one set of nine services (all of them in memory; for tests). */
  List<ReturnContent> replica(int group) {
    int[] range = buildRange(group);
    List<ReturnContent> out = new ArrayList<>();
    forEachReturn(group, calibrate(range[1] - range[0]), out::add);
    return out;
  }

  /**
   * How many builds each set has: {@code scale} builds spread as evenly as possible over the sets,
   * in order ({@code [first, end)} numbering them as if each were calibrated apart; the first set
   * has the most).
   */
  int[] buildRange(int group) {
    int g = groups();
    int base = scale / g;
    int extra = scale % g;
    int first = group * base + Math.min(group, extra);
    int count = base + (group < extra ? 1 : 0);
    return new int[] {first, first + count};
  }

  /** Case and client refs of build b are numbered from b x this + 1. */
  static final int REF_BLOCK = 10_000;

  /** The first {@code builds} calibrated builds, filed; made in parallel, the same for a seed. */
  private List<Filings> calibrate(int builds) {
    int threads = Math.min(builds, this.threads);
    if (threads <= 1) {
      List<Filings> out = new ArrayList<>();
      for (int b = 0; b < builds; b++) {
        out.add(calibrated(b, seedTargets));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Filings>> futures = new ArrayList<>();
      for (int b = 0; b < builds; b++) {
        int build = b;
        // each build its own targets: a build never sees another's state, whatever the timing
        futures.add(pool.submit(() -> calibrated(build, new SeedTargets(schema))));
      }
      List<Filings> out = new ArrayList<>();
      for (Future<Filings> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calibrating the sample", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Filings calibrated(int build, SeedTargets targets) {
    Filings filings = new Filings();
    index(build(build, new Services(0, build * REF_BLOCK), targets), filings.byService);
    return filings;
  }

  /** One build's records filed by service (a code of the first set), quarter and sheet. */
  private static final class Filings {
    final Map<String, Map<ReportingQuarter, Map<String, List<Filed>>>> byService = new HashMap<>();

    List<Filed> get(String service, ReportingQuarter quarter, String sheet) {
      return byService
          .getOrDefault(service, Map.of())
          .getOrDefault(quarter, Map.of())
          .getOrDefault(sheet, List.of());
    }
  }

  private void forEachReturn(int group, List<Filings> calibrated, Consumer<ReturnContent> sink) {
    Services services = new Services(group);
    List<String> firstCodes = new Services(0).codes;
    int[] range = buildRange(group);
    List<Filings> builds = calibrated.subList(0, range[1] - range[0]);
    for (int startYear = 2020; startYear <= 2022; startYear++) {
      for (int q = 1; q <= 4; q++) {
        ReportingQuarter quarter = new ReportingQuarter(startYear, q);
        for (int s = 0; s < services.codes.size(); s++) {
          String service = services.codes.get(s);
          Map<String, List<Filed>> bySheet = new HashMap<>();
          for (SheetDefinition def : schema.sheets()) {
            List<Filed> recs = new ArrayList<>();
            for (Filings build : builds) {
              recs.addAll(build.get(firstCodes.get(s), quarter, def.ref()));
            }
            bySheet.put(def.ref(), recs);
          }
          ReturnContent content = content(service, firstCodes.get(s), quarter, services, bySheet);
          sink.accept(group == 0 ? Slips.apply(List.of(content), schema).get(0) : content);
        }
      }
    }
  }

  /** One calibrated build: the three reporting years of one seed-sized set of cases. */
  List<YearBuilder> build(int build, Services services) {
    return build(build, services, seedTargets);
  }

  private List<YearBuilder> build(int build, Services services, SeedTargets seedTargets) {
    Random random = new Random(seed * 1_000_003L + build);
    List<YearBuilder> years = new ArrayList<>();
    List<Rec> carried = new ArrayList<>();
    for (int startYear : START_YEARS) {
      YearBuilder year =
          new YearBuilder(
              schema,
              seedTargets.year(Integer.toString(startYear + 1)),
              startYear,
              services,
              random);
      if (startYear > START_YEARS[START_YEARS.length - 1]) {
        SeedTargets.YearTargets before = seedTargets.year(Integer.toString(startYear));
        year.carryBudget = Math.max(0, before.intakes - before.exits - 60);
      }
      year.build(carried);
      carried = year.carriedBack;
      years.add(year);
    }
    new SummaryFit(schema, seedTargets, random).apply(years);
    return years;
  }

  /**
   * Files a build's records by service, quarter and sheet, in the order the return lists them (each
   * year in build order, then intakes, reviews, exits, criminal and civil justice forms).
   */
  private void index(
      List<YearBuilder> years, Map<String, Map<ReportingQuarter, Map<String, List<Filed>>>> index) {
    for (YearBuilder year : years) {
      for (Rec intake : year.intakes) {
        file(index, intake.service, intake.date, "intake", List.of(intake));
        file(index, intake.service, intake.date, "intake.children", intake.children);
      }
      for (Rec review : year.reviews) {
        file(index, review.service, review.date, "review", List.of(review));
      }
      for (Rec exit : year.exits) {
        file(index, exit.service, exit.date, "exit", List.of(exit));
      }
      for (Rec cj : year.criminal) {
        file(index, cj.service, cj.exit.date, "criminal_justice", List.of(cj));
        file(index, cj.service, cj.exit.date, "criminal_justice.police_reports", cj.children);
        for (Rec report : cj.children) {
          file(index, cj.service, cj.exit.date, "criminal_justice.incidents", report.children);
        }
      }
      for (Rec cv : year.civil) {
        file(index, cv.service, cv.exit.date, "civil_justice", List.of(cv));
        file(index, cv.service, cv.exit.date, "civil_justice.civil_orders", cv.children);
      }
    }
  }

  /**
   * A record as its return will show it: its answers in the sheet's field order (keys and dates
   * included), and its date for ordering. Compact, so a set's builds fit in a small heap once their
   * builders are gone.
   */
  private record Filed(LocalDate date, Object[] values) {}

  /**
   * A multi-select answer as a fixed list in its order (a few bytes, where a linked hash set costs
   * a table and an entry per code); {@link #answer} makes the set again.
   */
  private static Object compact(Object value) {
    return value instanceof java.util.Set<?> codes ? new Ticked(codes.toArray()) : value;
  }

  private static Object answer(Object value) {
    return value instanceof Ticked ticked
        ? new java.util.LinkedHashSet<>(Arrays.asList(ticked.codes()))
        : value;
  }

  /** The codes of a multi-select answer, in the order they were ticked. */
  private record Ticked(Object[] codes) {}

  private void file(
      Map<String, Map<ReportingQuarter, Map<String, List<Filed>>>> index,
      String service,
      LocalDate date,
      String sheet,
      List<Rec> recs) {
    List<Filed> into =
        index
            .computeIfAbsent(service, s -> new HashMap<>())
            .computeIfAbsent(ReportingQuarter.of(date), q -> new HashMap<>())
            .computeIfAbsent(sheet, s -> new ArrayList<>());
    SheetDefinition def = schema.sheet(sheet).orElseThrow();
    for (Rec rec : recs) {
      Map<String, Object> values = values(rec, def);
      Object[] compact = new Object[def.fields().size()];
      for (int f = 0; f < compact.length; f++) {
        compact[f] = compact(values.get(def.fields().get(f).id()));
      }
      into.add(new Filed(rec.date, compact));
    }
  }

  private ReturnContent content(
      String service,
      String builtAs,
      ReportingQuarter quarter,
      Services services,
      Map<String, List<Filed>> filed) {
    String file = service + "_" + quarter.fileLabel() + ".xlsx";
    Map<String, List<Filed>> bySheet = new LinkedHashMap<>();
    for (SheetDefinition def : schema.sheets()) {
      bySheet.put(def.ref(), new ArrayList<>(filed.getOrDefault(def.ref(), List.of())));
    }
    sortByDate(bySheet.get("intake"));
    sortByDate(bySheet.get("review"));
    sortByDate(bySheet.get("exit"));
    List<FormRow> rows = new ArrayList<>();
    for (SheetDefinition def : schema.sheets()) {
      int excelRow = 2;
      for (Filed rec : bySheet.get(def.ref())) {
        rows.add(
            new FormRow(
                service,
                def.ref(),
                new SourceLocation(file, def.sheetName(), excelRow++, SourceLocation.NONE),
                ordered(rec, def, builtAs, service)));
      }
    }
    return new ReturnContent(service, quarter, services.contact(service), rows, Map.of());
  }

  private static void sortByDate(List<Filed> recs) {
    recs.sort(Comparator.comparing(Filed::date));
  }

  /** A record's answers by field, its case ref as service {@code to} writes it. */
  private static Map<String, Object> ordered(
      Filed rec, SheetDefinition def, String from, String to) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (int f = 0; f < rec.values().length; f++) {
      Object v = answer(rec.values()[f]);
      if (v != null) {
        String id = def.fields().get(f).id();
        if (v instanceof String ref && id.equals("case_ref") && !from.equals(to)) {
          v = Services.recode(ref, from, to);
        }
        ordered.put(id, v);
      }
    }
    return ordered;
  }

  /** A record's answers in the sheet's field order, with its keys and dates. */
  static Map<String, Object> values(Rec rec, SheetDefinition def) {
    Map<String, Object> all = new HashMap<>(rec.values);
    switch (def.ref()) {
      case "intake" -> {
        all.putAll(rec.client.values);
        all.put("intake_date", rec.date);
      }
      case "exit", "review" -> {
        all.put("case_ref", rec.intake.get("case_ref"));
        all.put(def.ref().equals("exit") ? "exit_date" : "review_date", rec.date);
      }
      default -> {}
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (var field : def.fields()) {
      Object v = all.get(field.id());
      if (v != null) {
        ordered.put(field.id(), v);
      }
    }
    return ordered;
  }

  /** Dates typed as text in a slip look like this. */
  static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static String textDate(LocalDate date) {
    return TEXT_DATE.format(date);
  }

  static boolean blankColumn(List<FormRow> rows, String sheet, Column column) {
    for (FormRow row : rows) {
      if (row.sheet().equals(sheet) && row.get(column.field().id()) != null) {
        if (!column.isOption()
            || (row.get(column.field().id()) instanceof java.util.Collection<?> c
                && c.contains(column.option().code()))) {
          return false;
        }
      }
    }
    return true;
  }
}
