package org.idva.insights.render;

import org.apache.commons.lang3.StringUtils;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.SheetDefinition;

/** The text of a column's input message and error box (Excel caps these at 32 and 255 chars). */
final class InputMessages {
  private InputMessages() {}

  static String title(String header) {
    return StringUtils.abbreviate(header, 32);
  }

  static String prompt(Column column, SheetDefinition sheet) {
    Field field = column.field();
    StringBuilder text = new StringBuilder(field.question());
    if (column.isOption()) {
      text.append(" Tick \"Yes\" for ").append(column.option().label()).append('.');
    }
    if (field.condition().isPresent()) {
      var when = field.when();
      var target = sheet.field(when.field()).orElse(null);
      text.append(" Only when ")
          .append(
              when.describe(
                  target == null ? null : target.header(),
                  target == null ? null : target.codeList()))
          .append('.');
    }
    if (field.required()) {
      text.append(" Required.");
    }
    return StringUtils.abbreviate(text.toString(), 255);
  }

  static String error(Column column) {
    Field field = column.field();
    String text =
        switch (field.type()) {
          case CODE, MULTI_CODE ->
              column.isOption()
                  ? "Type Yes or leave blank."
                  : "Pick an answer from the drop-down list.";
          case INTEGER ->
              "Enter a whole number"
                  + (field.min() != null && field.max() != null
                      ? " from "
                          + field.min().toPlainString()
                          + " to "
                          + field.max().toPlainString()
                      : "")
                  + ".";
          case DECIMAL -> "Enter a number.";
          case DATE -> "Enter a date such as 31/03/2023.";
          case IDENTIFIER -> "Enter the service's reference (up to 40 characters), never a name.";
          default -> "Check this answer.";
        };
    return StringUtils.abbreviate(text, 255);
  }
}
