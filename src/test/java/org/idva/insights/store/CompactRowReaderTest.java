package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.idva.insights.model.AnswerSink;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;

/**
 * The store's fast reading of its own compact JSON ({@link CompactRowReader}, through {@link
 * RowCodec#reader}) hands on exactly the answers the JSON parser does ({@link RowCodec#read}), for
 * random rows of every sheet (tricky texts, codes not in the list, extreme numbers, empty ticks)
 * and for JSON the encoder does not write (which it leaves to the parser).
 */
class CompactRowReaderTest {
  private static final Schema SCHEMA = SchemaLoader.loadDefault();

  /** Records every call, in order, as text (a decimal's text keeps its scale). */
  private static final class Recorder {
    final List<String> calls = new ArrayList<>();
    final AnswerSink sink =
        (AnswerSink)
            Proxy.newProxyInstance(
                AnswerSink.class.getClassLoader(),
                new Class<?>[] {AnswerSink.class},
                (proxy, method, args) -> {
                  calls.add(method.getName() + " " + Arrays.toString(args));
                  return null;
                });
  }

  private static final String[] TRICKY = {
    "plain", "", "quote \" inside", "back\\slash", "tab\there", "new\nline", "caf\u00e9",
    "\u00a3 10", "emoji \ud83d\ude00", "\u0001control", "{\"not\":\"json\"}", "[x]", "123", "-4"
  };

  @Test
  void randomRowsOfEverySheetGiveTheParsersAnswers() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("CompactRowReaderTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    Random random = new Random(seed);
    int fast = 0;
    int rows = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      RowCodec codec = new RowCodec(sheet);
      RowCodec.Reader reader = codec.reader();
      CompactRowReader compact = new CompactRowReader(sheet.fields());
      for (int i = 0; i < 400; i++) {
        String json = codec.encode(randomValues(random, sheet, i % 4 == 0));
        Recorder expected = new Recorder();
        codec.read(json, expected.sink);
        Recorder actual = new Recorder();
        reader.read(json, reader.prepare(json), actual.sink);
        assertThat(actual.calls).as("%s, seed %d", json, seed).isEqualTo(expected.calls);
        if (compact.read(json, new Recorder().sink)) {
          fast++;
        }
        rows++;
      }
    }
    // rows without escapes (three in four) are read by the compact reader, not the parser
    assertThat(fast).as("seed %d", seed).isGreaterThan(rows / 2).isLessThan(rows);
  }

  /**
   * A row scanned ahead on one thread ({@code prepare}, as the store's reading thread does) and
   * handed on by another gives the parser's answers too; rows not in the compact shape are left to
   * the parser.
   */
  @Test
  void rowsScannedAheadOnAnotherThreadGiveTheParsersAnswers() throws Exception {
    Random random = new Random(1206);
    int ahead = 0;
    int rows = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      RowCodec codec = new RowCodec(sheet);
      RowCodec.Reader reader = codec.reader();
      List<String> jsons = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        jsons.add(codec.encode(randomValues(random, sheet, i % 4 == 0)));
      }
      List<Object> prepared = new ArrayList<>();
      Thread t = new Thread(() -> jsons.forEach(j -> prepared.add(reader.prepare(j))));
      t.start();
      t.join();
      CompactRowReader compact = new CompactRowReader(sheet.fields());
      for (int i = 0; i < jsons.size(); i++) {
        String json = jsons.get(i);
        Recorder expected = new Recorder();
        codec.read(json, expected.sink);
        Recorder actual = new Recorder();
        reader.read(json, prepared.get(i), actual.sink);
        assertThat(actual.calls).as(json).isEqualTo(expected.calls);
        assertThat(prepared.get(i) != null)
            .as(json)
            .isEqualTo(compact.read(json, new Recorder().sink));
        if (prepared.get(i) != null) {
          ahead++;
        }
        rows++;
      }
    }
    assertThat(ahead).isGreaterThan(rows / 2).isLessThan(rows);
  }

  private static Map<String, Object> randomValues(
      Random random, SheetDefinition sheet, boolean tricky) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : sheet.fields()) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      values.put(f.id(), value(random, f, tricky));
    }
    return values;
  }

  private static Object value(Random random, Field f, boolean tricky) {
    return switch (f.type()) {
      case IDENTIFIER, TEXT ->
          tricky ? TRICKY[random.nextInt(TRICKY.length)] : "v" + random.nextInt(1000);
      case CODE -> random.nextInt(10) == 0 ? "not_a_code" : code(random, f);
      case MULTI_CODE -> {
        Set<String> ticks = new LinkedHashSet<>();
        int n = random.nextInt(4); // none ticked too: an empty list
        for (int t = 0; t < n; t++) {
          ticks.add(random.nextInt(10) == 0 ? "unknown" : code(random, f));
        }
        yield ticks;
      }
      case INTEGER ->
          switch (random.nextInt(4)) {
            case 0 -> Long.MAX_VALUE - random.nextInt(10);
            case 1 -> Long.MIN_VALUE + random.nextInt(10);
            case 2 -> (long) -random.nextInt(100);
            default -> (long) random.nextInt(1000);
          };
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(100_000) - 50_000, random.nextInt(4));
      case DATE -> LocalDate.ofEpochDay(random.nextInt(30_000));
    };
  }

  private static String code(Random random, Field f) {
    List<Code> codes = f.codeList().codes();
    return codes.get(random.nextInt(codes.size())).code();
  }

  /** A code is found from the row's text as the schema's own string; anything else is not. */
  @Test
  void everyCodeListFindsItsCodesAndNothingElse() {
    int lists = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      for (Field f : sheet.fields()) {
        if (!f.type().isCoded()) {
          continue;
        }
        lists++;
        List<Code> codes = f.codeList().codes();
        CompactRowReader.CodeTable table =
            new CompactRowReader.CodeTable(codes.stream().map(Code::code).toArray(String[]::new));
        for (Code c : codes) {
          String text = "{\"x\":\"" + c.code() + "\"}";
          int from = 6;
          assertThat(table.find(text, from, from + c.code().length())).isSameAs(c.code());
          assertThat(table.find(text, from, from + c.code().length() - 1))
              .as("a code cut short")
              .satisfiesAnyOf(
                  v -> assertThat(v).isNull(),
                  v -> assertThat(codes).extracting(Code::code).contains(v));
          assertThat(table.find("~" + c.code() + "~", 0, c.code().length() + 2)).isNull();
        }
      }
    }
    assertThat(lists).isGreaterThan(10);
  }

  @Test
  void jsonTheEncoderDoesNotWriteIsLeftToTheParser() {
    SheetDefinition intake = SCHEMA.sheet("intake").orElseThrow();
    RowCodec codec = new RowCodec(intake);
    CompactRowReader compact = new CompactRowReader(intake.fields());
    String code = intake.fields().stream().filter(f -> f.type().isCoded()).findFirst().get().id();
    String integer =
        intake.fields().stream()
            .filter(f -> f.type() == org.idva.insights.schema.FieldType.INTEGER)
            .findFirst()
            .get()
            .id();
    List<String> others =
        List.of(
            "{ \"case_ref\":\"A1\"}",
            "{\"case_ref\" : \"A1\"}",
            "{\"case_ref\":\"A\\u0031\"}",
            "{\"removed_field\":{\"a\":[1,2]},\"case_ref\":\"A1\"}",
            "{\"" + integer + "\":12.0}",
            "{\"" + integer + "\":1e3}",
            "{\"" + code + "\":[1,2]}",
            "{\"case_ref\":\"A1\"} trailing",
            "{\"case_ref\":\"A1\",}",
            "{\"case_ref\":null}",
            "{\"case_ref\":true}");
    for (String json : others) {
      Recorder none = new Recorder();
      assertThat(compact.read(json, none.sink)).as(json).isFalse();
      assertThat(none.calls).as(json).isEmpty();
      List<String> expected = answersOrError(codec, json, true);
      List<String> actual = answersOrError(codec, json, false);
      assertThat(actual).as(json).isEqualTo(expected);
    }
    // what it does read: an empty row, and fields in any order
    Recorder empty = new Recorder();
    assertThat(compact.read("{}", empty.sink)).isTrue();
    assertThat(empty.calls).isEmpty();
    for (String json :
        List.of(
            "{\"" + integer + "\":7,\"case_ref\":\"A1\"}",
            "{\"" + integer + "\":\"12\"}",
            "{\"" + code + "\":\"12\"}",
            "{\"case_ref\":\"A1\",\"case_ref\":\"A2\"}")) {
      Recorder fast = new Recorder();
      assertThat(compact.read(json, fast.sink)).as(json).isTrue();
      Recorder parsed = new Recorder();
      codec.read(json, parsed.sink);
      assertThat(fast.calls).as(json).isEqualTo(parsed.calls).isNotEmpty();
    }
  }

  /** The answers read (by the parser alone when {@code general}), or the error's class. */
  private static List<String> answersOrError(RowCodec codec, String json, boolean general) {
    Recorder r = new Recorder();
    try {
      if (general) {
        codec.read(json, r.sink);
      } else {
        RowCodec.Reader reader = codec.reader();
        reader.read(json, reader.prepare(json), r.sink);
      }
      return r.calls;
    } catch (RuntimeException e) {
      return List.of("error " + e.getClass().getName());
    }
  }
}
