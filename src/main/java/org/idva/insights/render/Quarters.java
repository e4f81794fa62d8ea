package org.idva.insights.render;

import java.util.List;
import org.idva.insights.model.ReportingQuarter;

/** The reporting quarters offered in the return's About sheet. */
final class Quarters {
  private Quarters() {}

  static List<String> labels() {
    return ReportingQuarter.range(2020, 2029).stream().map(ReportingQuarter::label).toList();
  }
}
