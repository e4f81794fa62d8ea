package org.idva.insights.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the case store notices while merging a return, as stable codes beside the checks' own
 * (listed with them in {@code docs/checks.md}): the title is what the service reads in its
 * feedback.
 */
public enum StoreCheck {
  NO_INTAKE_FOR_CASE("No intake for this case yet: row kept aside"),
  CONFLICTING_INTAKE("Two different intake rows for one case"),
  INTAKE_ALREADY_STORED("Case already has an intake from another return"),
  REPEATED_INTAKE_ROW("Intake row repeated exactly"),
  NO_CASE_REF("Row without a case reference"),
  NO_QUARTER("Return without a reporting quarter"),
  OLDER_THAN_CURRENT_RETURN("Older than the return already used for this quarter"),
  RETURN_ALREADY_INGESTED("This exact file was merged before"),
  ROW_OF_OTHER_SERVICE("Row of another service"),
  FIELD_NOT_STORED("Column not in the form definitions: not stored"),
  SHEET_NOT_STORED("Sheet not in the form definitions: not stored");

  private final String title;

  StoreCheck(String title) {
    this.title = title;
  }

  public String code() {
    return name();
  }

  public String title() {
    return title;
  }

  public static Optional<StoreCheck> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
