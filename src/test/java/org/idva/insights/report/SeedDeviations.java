package org.idva.insights.report;

import java.util.Set;

/**
 * Seed cells the seed check skips: the seed's own inconsistencies, with the reading chosen in
 * docs/seed-deviations.md ("Report engine"). Keys as {@link SeedComparison} takes them.
 */
public final class SeedDeviations {
  public static final Set<String> EXCLUDED =
      Set.of(
          "initial_referral_route_spoc/Missing/2023.count",
          "initial_referral_route_spoc/Missing/2023.pct",
          "initial_referral_route_spoc/Missing/2022.pct",
          "initial_referral_route_spoc/Missing/2021.pct",
          "cj_police_report_timing/Missing/2023.count",
          "ilr_need/Missing/2022.pct",
          "child_contact_used_for_abuse/Missing/2022.pct",
          "cj_police_report_timing/Missing/2023.pct",
          "abuse_duration/Average length of abuse/2023.value",
          "abuse_duration/Average length of abuse/2022.value",
          "abuse_duration/Average length of abuse/2021.value",
          "review_point/Average length of time from case opened to last review point"
              + " (median)/2023.value",
          "ace_experienced/*/2023.count",
          "reason_not_living_together/*/2023.count",
          "client_reported_outcomes_missing/*/n.2023",
          "headline_figures/Clients supported with criminal or civil justice/2023.count",
          "dash_ticks_intake_exit/High Risk (10+)/2023.Intake.count",
          "dash_ticks_intake_exit/High Risk (10+)/2023.Intake.pct",
          "headline_figures/Clients who entered the service with a diagnosed mental health"
              + " condition/2023.value");

  private SeedDeviations() {}
}
