package org.idva.insights.store;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.idva.insights.model.CheckedReturn;
import org.idva.insights.model.FormRow;
import org.idva.insights.model.ReportingQuarter;
import org.idva.insights.model.ReturnInfo;
import org.idva.insights.model.ReturnStatus;
import org.idva.insights.model.SourceLocation;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Form;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SheetDefinition;

/**
 * Seeded synthetic returns built from the form definitions, for the ingest benchmark and the
 * store's tests: every case has an intake row and, per form and group, rows with random answers of
 * the right type (codes from the field's list, dates inside the quarter, numbers inside min/max).
 * The same seed gives the same return, byte for byte in its SHA-256.
 */
public final class SyntheticReturns {
  private final Schema schema;

  public SyntheticReturns(Schema schema) {
    this.schema = schema;
  }

  /**
   * A checked, accepted return of {@code cases} cases with refs {@code <service>-<n>} from {@code
   * firstCase}: an intake with one or two children, and a review, exit and justice rows for most.
   */
  public CheckedReturn generate(
      String service, ReportingQuarter quarter, int firstCase, int cases, long seed) {
    Random random = new Random(seed);
    String file = service + "_" + quarter.fileLabel() + ".xlsx";
    Map<String, Integer> nextRow = new LinkedHashMap<>();
    List<FormRow> rows = new ArrayList<>();
    for (int n = firstCase; n < firstCase + cases; n++) {
      String caseRef = String.format("%s-%06d", service, n);
      for (Form form : schema.forms()) {
        boolean intake = form.id().equals(CaseStore.INTAKE_FORM);
        if (!intake && random.nextInt(4) == 0) {
          continue;
        }
        rows.add(row(random, file, service, quarter, form.main(), caseRef, 0, nextRow));
        for (SheetDefinition group : form.groups()) {
          int count = random.nextInt(3);
          for (int i = 1; i <= count; i++) {
            rows.add(row(random, file, service, quarter, group, caseRef, i, nextRow));
          }
        }
      }
    }
    String sha = sha256(service + "|" + quarter + "|" + firstCase + "|" + cases + "|" + seed);
    ReturnInfo info =
        new ReturnInfo(file, service, quarter, sha, receivedAt(quarter).plusSeconds(seed % 86_400));
    return new CheckedReturn(info, ReturnStatus.ACCEPTED, List.of(), rows);
  }

  private FormRow row(
      Random random,
      String file,
      String service,
      ReportingQuarter quarter,
      SheetDefinition sheet,
      String caseRef,
      int number,
      Map<String, Integer> nextRow) {
    int excelRow = nextRow.merge(sheet.ref(), 1, Integer::sum) + 1; // row 1 holds the headers
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : sheet.fields()) {
      Object value;
      if (field.id().equals("case_ref")) {
        value = caseRef;
      } else if (sheet.key().contains(field.id())) {
        value = (long) Math.max(1, number);
      } else if (!field.required() && random.nextInt(5) == 0) {
        continue;
      } else {
        value = value(random, field, quarter, caseRef);
      }
      values.put(field.id(), value);
    }
    return new FormRow(
        service,
        sheet.ref(),
        new SourceLocation(file, sheet.sheetName(), excelRow, SourceLocation.NONE),
        values);
  }

  private static Object value(Random random, Field field, ReportingQuarter q, String caseRef) {
    return switch (field.type()) {
      case IDENTIFIER -> field.id().equals("client_ref") ? "C" + caseRef : "ID" + random.nextInt();
      case TEXT -> "note " + random.nextInt(1000);
      case CODE -> pick(random, field.codeList().codes()).code();
      case MULTI_CODE -> {
        TreeSet<String> codes = new TreeSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          codes.add(pick(random, field.codeList().codes()).code());
        }
        yield codes;
      }
      case INTEGER -> {
        long min = field.min() == null ? 0 : field.min().longValue();
        long max = field.max() == null ? min + 100 : field.max().longValue();
        yield min + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, max - min + 1));
      }
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(10_000), 2);
      case DATE -> {
        LocalDate first = q.firstDay();
        yield first.plusDays(random.nextInt((int) (q.lastDay().toEpochDay() - first.toEpochDay())));
      }
    };
  }

  private static Code pick(Random random, List<Code> codes) {
    return codes.get(random.nextInt(codes.size()));
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** When a synthetic return is received: ten days after its quarter ends. */
  static Instant receivedAt(ReportingQuarter quarter) {
    return quarter.lastDay().plusDays(10).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
  }
}
