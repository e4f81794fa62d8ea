package org.idva.insights.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The services of one set (nine services; several calibrated builds may share them): codes,
 * relative sizes (a large city service down to a small rural one) and each service's own style of
 * case reference.
 */
final class Services {
  /** Relative case volumes of the nine services. */
  static final double[] SIZES = {0.21, 0.17, 0.14, 0.12, 0.10, 0.09, 0.07, 0.06, 0.04};

  private static final String[] STYLES = {
    "%s-%02d-%04d",
    "%s/%02d/%05d",
    "C%3$05d",
    "%s_%02d_%04d",
    "IDVA-%3$06d",
    "%s%02d%04d",
    "REF-%2$02d-%3$04d",
    "%s-%3$05d",
    "K%2$02d%3$04d"
  };

  final List<String> codes = new ArrayList<>();
  private final Map<String, Integer> caseCounters = new HashMap<>();
  private final Map<String, Integer> clientCounters = new HashMap<>();
  private final int refBase;

  Services(int replica) {
    this(replica, 0);
  }

  /**
   * The services of set {@code replica}, numbering case and client refs from {@code refBase} + 1,
   * so builds made apart (each with its own counters) still give every case its own ref.
   */
  Services(int replica, int refBase) {
    for (int i = 0; i < SIZES.length; i++) {
      codes.add(code(replica * SIZES.length + i + 1));
    }
    this.refBase = refBase;
  }

  /** The code of the n-th service (1-based): SVC01, SVC02, ... */
  static String code(int n) {
    return String.format("SVC%02d", n);
  }

  String pick(Random random) {
    double u = random.nextDouble();
    for (int i = 0; i < SIZES.length; i++) {
      u -= SIZES[i];
      if (u < 0) {
        return codes.get(i);
      }
    }
    return codes.get(codes.size() - 1);
  }

  int index(String service) {
    return codes.indexOf(service);
  }

  String nextCaseRef(String service, int startYear) {
    int n = refBase + caseCounters.merge(service, 1, Integer::sum);
    String style = STYLES[index(service) % STYLES.length];
    return String.format(style, service, (startYear + 1) % 100, n);
  }

  /**
   * A ref made for service {@code from} (a code of this set's first replica) as service {@code to}
   * writes it: the styles that start with the service code get the new code; the others are unique
   * within a service as they are.
   */
  static String recode(String ref, String from, String to) {
    return ref.startsWith(from) ? to + ref.substring(from.length()) : ref;
  }

  String nextClientRef(String service) {
    int n = refBase + clientCounters.merge(service, 1, Integer::sum);
    return "CL" + (index(service) % STYLES.length + 1) + "-" + String.format("%06d", n);
  }

  /** A role mailbox for the About sheet (never a person). */
  String contact(String service) {
    return "Idva data lead, " + service + " (team mailbox)";
  }
}
