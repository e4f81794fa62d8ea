package org.idva.insights.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnContent;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * A handful of realistic slips, each in one 2022-23 return, that the checks must report without
 * changing any count: a code label typed in capitals, a label with extra spaces, a date typed as
 * text, and a column header with a typo (on a column left blank in that return, so nothing is lost
 * whatever the reader does with it).
 */
final class Slips {
  /** Where each slip is: service, quarter, and what. Documented in input/README.md. */
  static final String CAPITALS = "SVC03 2022-23 Q2: Intake, first row's Referral route in capitals";

  static final String SPACES =
      "SVC05 2022-23 Q3: Intake, first row's Sex at birth with extra spaces";
  static final String TEXT_DATE = "SVC02 2022-23 Q4: Exit, first row's Exit date typed as text";
  static final String HEADER = "SVC07 2022-23 Q1: Intake, one blank column's header misspelt";

  private Slips() {}

  static List<ReturnContent> apply(List<ReturnContent> returns, Schema schema) {
    List<ReturnContent> out = new ArrayList<>();
    for (ReturnContent r : returns) {
      String where = r.service() + " " + r.quarter().label();
      ReturnContent changed = r;
      if (where.equals("SVC03 2022-23 Q2")) {
        changed = withValue(r, "intake", "referral_route", label(schema, "intake.referral_route"));
      } else if (where.equals("SVC05 2022-23 Q3")) {
        changed = withValue(r, "intake", "sex_at_birth", spaced(schema, "intake.sex_at_birth"));
      } else if (where.equals("SVC02 2022-23 Q4")) {
        changed = withValue(r, "exit", "exit_date", null);
      } else if (where.equals("SVC07 2022-23 Q1")) {
        changed = withHeaderTypo(r, schema);
      }
      out.add(changed);
    }
    return out;
  }

  private interface Typed {
    Object retype(Object value);
  }

  private static Typed label(Schema schema, String ref) {
    var list = schema.field(ref).orElseThrow().codeList();
    return v -> list.byCode(v.toString()).map(c -> (Object) c.label().toUpperCase()).orElse(v);
  }

  private static Typed spaced(Schema schema, String ref) {
    var list = schema.field(ref).orElseThrow().codeList();
    return v -> list.byCode(v.toString()).map(c -> (Object) ("  " + c.label() + " ")).orElse(v);
  }

  /** Retypes the first row of the sheet that has the field answered. */
  private static ReturnContent withValue(ReturnContent r, String sheet, String field, Typed typed) {
    List<FormRow> rows = new ArrayList<>(r.rows());
    for (int i = 0; i < rows.size(); i++) {
      FormRow row = rows.get(i);
      if (row.sheet().equals(sheet) && row.get(field) != null) {
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        Object v = row.get(field);
        values.put(
            field, typed == null ? SampleGenerator.textDate((LocalDate) v) : typed.retype(v));
        rows.set(i, new FormRow(row.service(), row.sheet(), row.location(), values));
        break;
      }
    }
    return new ReturnContent(r.service(), r.quarter(), r.contact(), rows, r.headerSlips());
  }

  private static ReturnContent withHeaderTypo(ReturnContent r, Schema schema) {
    SheetDefinition intake = schema.sheet("intake").orElseThrow();
    for (Column column : intake.columns()) {
      if (!column.field().required()
          && column.header().length() > 8
          && SampleGenerator.blankColumn(r.rows(), "intake", column)) {
        String h = column.header();
        String typo = h.substring(0, 2) + h.charAt(3) + h.charAt(2) + h.substring(4);
        return new ReturnContent(r.service(), r.quarter(), r.contact(), r.rows(), Map.of(h, typo));
      }
    }
    return r;
  }

  static boolean isSlipReturn(String service, ReportingQuarter quarter) {
    String where = service + " " + quarter.label();
    return List.of("SVC03 2022-23 Q2", "SVC05 2022-23 Q3", "SVC02 2022-23 Q4", "SVC07 2022-23 Q1")
        .contains(where);
  }
}
