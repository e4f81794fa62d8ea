package org.idva.insights.model;

import java.util.List;
import java.util.Map;

/**
 * The content of one filled return: whose it is, for which quarter, and its rows in the schema's
 * terms (every sheet's rows, in order). Used by the sample generator to hand returns to the
 * workbook writer.
 *
 * @param service the service code written on the About sheet
 * @param quarter the reporting quarter written on the About sheet
 * @param contact the data lead contact (a role or team mailbox, never a person's name)
 * @param rows the rows of every sheet; {@link FormRow#sheet()} says which sheet
 * @param headerSlips column headers typed differently in this return: original header → header as
 *     typed (empty for a clean return)
 */
public record ReturnContent(
    String service,
    ReportingQuarter quarter,
    String contact,
    List<FormRow> rows,
    Map<String, String> headerSlips) {

  public ReturnContent {
    rows = List.copyOf(rows);
    headerSlips = Map.copyOf(headerSlips);
  }

  /** {@code SVC01_2022-23-Q1.xlsx}. */
  public String fileName() {
    return service + "_" + quarter.fileLabel() + ".xlsx";
  }
}
