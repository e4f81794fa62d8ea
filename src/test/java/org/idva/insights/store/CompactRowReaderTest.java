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
 * random rows of every sheet (tricky texts, codes not in the list, extreme numbers, empty ticks) in
 * the sheet's layout, in older layouts (fields since removed, another order) and as the objects
 * rows were stored as before layouts, and for JSON the encoder does not write (which it leaves to
 * the parser).
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
    "plain",
    "",
    "quote \" inside",
    "back\\slash",
    "tab\there",
    "new\nline",
    "caf\u00e9",
    "\u00a3 10",
    "\u0142\u00f3d\u017a",
    "emoji \ud83d\ude00",
    "\u0001control",
    "{\"not\":\"json\"}",
    "[x]",
    "123",
    "-4"
  };

  @Test
  void randomRowsOfEverySheetGiveTheParsersAnswers() throws Exception {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("CompactRowReaderTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    Random random = new Random(seed);
    int fast = 0;
    int rows = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      RowCodec codec = new RowCodec(sheet);
      RowCodec.Reader reader = codec.reader();
      CompactRowReader compact = new CompactRowReader(sheet.fields());
      StoredLayout positions = codec.ownLayout();
      for (int i = 0; i < 400; i++) {
        Map<String, Object> values = randomValues(random, sheet, i % 4 == 0);
        String json = codec.encode(values);
        Recorder expected = new Recorder();
        codec.read(json, positions, expected.sink);
        Recorder actual = new Recorder();
        reader.read(json, positions, reader.prepare(json, positions), actual.sink);
        assertThat(actual.calls).as("%s, seed %d", json, seed).isEqualTo(expected.calls);
        if (compact.read(json, positions, new Recorder().sink)) {
          fast++;
        }
        rows++;
        // the same row as stored before layouts: the same answers, by either reader
        String object = JsonTextTest.jacksonObjectRow(sheet, values);
        Recorder before = new Recorder();
        reader.read(object, null, reader.prepare(object, null), before.sink);
        assertThat(before.calls).as("%s, seed %d", object, seed).isEqualTo(expected.calls);
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
      StoredLayout positions = codec.ownLayout();
      List<Object> prepared = new ArrayList<>();
      Thread t = new Thread(() -> jsons.forEach(j -> prepared.add(reader.prepare(j, positions))));
      t.start();
      t.join();
      CompactRowReader compact = new CompactRowReader(sheet.fields());
      for (int i = 0; i < jsons.size(); i++) {
        String json = jsons.get(i);
        Recorder expected = new Recorder();
        codec.read(json, positions, expected.sink);
        Recorder actual = new Recorder();
        reader.read(json, positions, prepared.get(i), actual.sink);
        assertThat(actual.calls).as(json).isEqualTo(expected.calls);
        assertThat(prepared.get(i) != null)
            .as(json)
            .isEqualTo(compact.read(json, positions, new Recorder().sink));
        if (prepared.get(i) != null) {
          ahead++;
        }
        rows++;
      }
    }
    assertThat(ahead).isGreaterThan(rows / 2).isLessThan(rows);
  }

  /**
   * A row written in an older layout of its sheet (the fields in another order, one since removed
   * from the schema, a field the sheet has now missing) gives the answers its values have now, by
   * either reader: the removed field's values are not part of the data.
   */
  @Test
  void rowsInAnOlderLayoutGiveTheAnswersOfTheFieldsTheSheetStillHas() throws Exception {
    Random random = new Random(20261207);
    int rows = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      RowCodec codec = new RowCodec(sheet);
      for (int i = 0; i < 100; i++) {
        List<String> older = olderFields(random, sheet);
        Map<String, Object> values = randomValues(random, sheet, i % 4 == 0);
        values.keySet().retainAll(older);
        List<Object> written = new ArrayList<>();
        for (String id : older) {
          written.add(id.equals("removed_since") ? List.of("old", "value") : values.get(id));
        }
        String json = arrayRow(written);
        readsAsNow(codec, json, codec.layoutOf(older, null), values);
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(500);
  }

  /**
   * A row written in an older layout whose code lists differ from the sheet's now (a code added
   * since, one removed since, another order) gives each numbered code as the code it stood for, by
   * either reader: the schema's own string while its list has the code, the stored one when not.
   */
  @Test
  void rowsInAnOlderNumberedLayoutGiveTheCodesTheirNumbersStoodFor() throws Exception {
    Random random = new Random(20261208);
    int rows = 0;
    int retired = 0;
    int numbers = 0;
    for (SheetDefinition sheet : SCHEMA.sheets()) {
      RowCodec codec = new RowCodec(sheet);
      for (int i = 0; i < 100; i++) {
        List<String> older = olderFields(random, sheet);
        List<List<String>> lists = new ArrayList<>();
        for (String id : older) {
          Field f = sheet.fields().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
          if (f == null || !f.type().isCoded()) {
            lists.add(null);
            continue;
          }
          List<String> list = new ArrayList<>(); // as read from the store: not the schema's strings
          f.codeList().codes().forEach(c -> list.add(new String(c.code().toCharArray())));
          list.remove(random.nextInt(list.size())); // added to the list since
          list.add("retired_code"); // removed from the list since
          java.util.Collections.shuffle(list, random);
          lists.add(list);
        }
        Map<String, Object> values = randomValues(random, sheet, i % 4 == 0);
        values.keySet().retainAll(older);
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g =
            new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
          g.writeStartArray();
          for (int k = 0; k < older.size(); k++) {
            String id = older.get(k);
            List<String> list = lists.get(k);
            Object v = values.get(id);
            if (list != null && v instanceof String && random.nextInt(8) == 0) {
              v = "retired_code";
              values.put(id, v);
              retired++;
            }
            if (id.equals("removed_since")) {
              g.writeString("old");
            } else if (v == null) {
              g.writeNull();
            } else if (list != null && v instanceof String code) {
              if (list.contains(code)) {
                g.writeNumber(list.indexOf(code));
                numbers++;
              } else {
                g.writeString(code);
              }
            } else if (list != null && v instanceof java.util.Collection<?> ticks) {
              g.writeStartArray();
              for (Object t : ticks) {
                if (list.contains(t)) {
                  g.writeNumber(list.indexOf(t));
                  numbers++;
                } else {
                  g.writeString(t.toString());
                }
              }
              g.writeEndArray();
            } else {
              JsonTextTest.jacksonValue(g, v);
            }
          }
          g.writeEndArray();
        }
        String json = out.toString();
        Map<String, Object> decoded = readsAsNow(codec, json, codec.layoutOf(older, lists), values);
        for (Field f : sheet.fields()) {
          int at = older.indexOf(f.id());
          if (f.type() == org.idva.insights.schema.FieldType.CODE
              && decoded.get(f.id()) instanceof String code
              && at >= 0
              && lists.get(at).contains(code) // written as its number
              && !code.equals("retired_code")) {
            f.codeList().codes().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .ifPresent(c -> assertThat(code).as("the schema's own string").isSameAs(c.code()));
          }
        }
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(500);
    assertThat(retired).isGreaterThan(50);
    assertThat(numbers).isGreaterThan(1000);
  }

  /**
   * The ids of an older layout of the sheet: one field missing (added to the sheet since), one that
   * is no longer a field ({@code removed_since}), in another order.
   */
  private static List<String> olderFields(Random random, SheetDefinition sheet) {
    List<String> older = new ArrayList<>();
    sheet.fields().forEach(f -> older.add(f.id()));
    older.remove(random.nextInt(older.size()));
    older.add(random.nextInt(older.size() + 1), "removed_since");
    java.util.Collections.shuffle(older, random);
    return older;
  }

  /**
   * Checks that the row {@code json}, stored in {@code layout}, gives the answers of {@code values}
   * as the sheet's own layout holds them (in any order), the same by both readers; returns what
   * {@link RowCodec#decode} makes of it, which must equal those values decoded.
   */
  private static Map<String, Object> readsAsNow(
      RowCodec codec, String json, StoredLayout layout, Map<String, Object> values) {
    RowCodec.Reader reader = codec.reader();
    Recorder expected = new Recorder();
    codec.read(codec.encode(values), codec.ownLayout(), expected.sink);
    Recorder parsed = new Recorder();
    codec.read(json, layout, parsed.sink);
    Recorder fast = new Recorder();
    reader.read(json, layout, reader.prepare(json, layout), fast.sink);
    assertThat(sorted(parsed.calls)).as(json).isEqualTo(sorted(expected.calls));
    assertThat(fast.calls).as(json).isEqualTo(parsed.calls);
    Map<String, Object> decoded = codec.decode(json, layout);
    assertThat(decoded).as(json).isEqualTo(codec.decode(codec.encode(values), codec.ownLayout()));
    return decoded;
  }

  private static List<String> sorted(List<String> calls) {
    return calls.stream().sorted().toList();
  }

  /** A JSON array of these values (null, a list of codes, a Long, or text), by Jackson. */
  private static String arrayRow(List<Object> values) throws java.io.IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g =
        new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      int last = values.size() - 1;
      while (last >= 0 && values.get(last) == null) {
        last--;
      }
      for (int i = 0; i <= last; i++) {
        Object v = values.get(i);
        if (v == null) {
          g.writeNull();
        } else {
          JsonTextTest.jacksonValue(g, v);
        }
      }
      g.writeEndArray();
    }
    return out.toString();
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
          byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
          assertThat(table.byBytes()).isTrue();
          assertThat(table.at(table.slotOf(bytes, from, from + c.code().length())))
              .isSameAs(c.code());
          assertThat(table.slotOf(bytes, from - 1, from + c.code().length())).isEqualTo(-1);
        }
      }
    }
    assertThat(lists).isGreaterThan(10);
  }

  /**
   * Codes are found from the scan's bytes (a character ISO-8859-1 cannot hold read as {@code ?})
   * only when every code of the list reads as itself that way; a list with a {@code ?} or such a
   * character is searched by its text.
   */
  @Test
  void codesAreFoundByTheirBytesOnlyWhenTheBytesTellThemApart() {
    String[] latin = {"caf\u00e9", "cafe", "na\u00efve", "x"};
    CompactRowReader.CodeTable table = new CompactRowReader.CodeTable(latin);
    assertThat(table.byBytes()).isTrue();
    for (String row : List.of("caf\u00e9", "cafe", "caf\u0117", "caf?", "na\u00efve", "x", "")) {
      byte[] b = row.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int slot = table.slotOf(b, 0, b.length);
      assertThat(slot < 0 ? null : table.at(slot))
          .as(row)
          .isEqualTo(table.find(row, 0, row.length()))
          .isEqualTo(Arrays.asList(latin).contains(row) ? row : null);
    }
    assertThat(new CompactRowReader.CodeTable(new String[] {"a", "caf?"}).byBytes()).isFalse();
    assertThat(new CompactRowReader.CodeTable(new String[] {"a", "\u0142\u00f3d\u017a"}).byBytes())
        .isFalse();
    // a row of such a list reads as the parser reads it
    Field coded =
        SCHEMA.sheets().stream()
            .flatMap(sh -> sh.fields().stream())
            .filter(f -> f.type() == org.idva.insights.schema.FieldType.CODE)
            .findFirst()
            .orElseThrow();
    List<Code> odd = List.of(new Code("caf?", "A"), new Code("\u0142\u00f3d\u017a", "B"));
    Field field =
        new Field(
            coded.id(),
            coded.header(),
            coded.question(),
            coded.type(),
            new org.idva.insights.schema.CodeList("odd", "odd codes", odd, Map.of()),
            false,
            null,
            null,
            null,
            null,
            null,
            List.of());
    CompactRowReader reader = new CompactRowReader(List.of(field));
    for (String value : List.of("caf?", "caf\u00e9", "\u0142\u00f3d\u017a", "\u0142\u00f3d?")) {
      Recorder r = new Recorder();
      assertThat(reader.read("[\"" + value + "\"]", StoredLayout.ofText(new int[] {0}), r.sink))
          .isTrue();
      assertThat(r.calls).containsExactly("text [" + coded.id() + ", " + value + "]");
    }
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
    // a layout with its codes as text (before code lists)
    StoredLayout positions = codec.layoutOf(intake.fields().stream().map(Field::id).toList(), null);
    int integerAt = codec.layoutOf(List.of(integer), null).fields()[0];
    int codeAt = codec.layoutOf(List.of(code), null).fields()[0];
    String nulls = "null,".repeat(integerAt);
    List<String> arrays =
        List.of(
            "[ \"A1\"]",
            "[\"A1\" ,\"C1\"]",
            "[\"A\\u0031\"]",
            "[" + nulls + "12.0]",
            "[" + nulls + "1e3]",
            "[" + "null,".repeat(codeAt) + "[1,2]]",
            "[\"A1\"] trailing",
            "[\"A1\",]",
            "[,\"A1\"]",
            "[nul]",
            "[true]",
            "[\"A1\"" + ",\"x\"".repeat(positions.size()) + "]", // more values than fields
            "{\"case_ref\":\"A1\"}");
    for (String json : others) {
      leftToTheParser(codec, compact, json, null);
    }
    for (String json : arrays) {
      leftToTheParser(codec, compact, json, positions);
    }
    assertThat(
            answersOrError(
                codec, "[\"A1\",\"x\"," + "null,".repeat(99) + "\"y\"]", positions, true))
        .as("more values than fields")
        .containsExactly("error java.io.UncheckedIOException");
    // what it does read: an empty row, and fields in any order
    Recorder empty = new Recorder();
    assertThat(compact.read("{}", null, empty.sink)).isTrue();
    assertThat(empty.calls).isEmpty();
    assertThat(compact.read("[]", positions, empty.sink)).isTrue();
    assertThat(compact.read("[null,null]", positions, empty.sink)).isTrue();
    assertThat(empty.calls).isEmpty();
    for (String json :
        List.of(
            "[\"A1\"]",
            "[null,\"C1\"]",
            "[" + nulls + "7]",
            "[" + nulls + "\"12\"]",
            "[" + nulls + "-0]",
            "[" + "null,".repeat(codeAt) + "\"12\"]",
            "[" + "null,".repeat(codeAt) + "[]]")) {
      Recorder fast = new Recorder();
      assertThat(compact.read(json, positions, fast.sink)).as(json).isTrue();
      Recorder parsed = new Recorder();
      codec.read(json, positions, parsed.sink);
      assertThat(fast.calls).as(json).isEqualTo(parsed.calls);
    }
    // in the sheet's own layout, whose codes are numbered: numbers of its list only
    StoredLayout numbered = codec.ownLayout();
    String before = "null,".repeat(codeAt);
    int listSize = intake.fields().get(codeAt).codeList().codes().size();
    for (String json :
        List.of(
            "[" + before + "-1]",
            "[" + before + listSize + "]",
            "[" + before + "99999999999]",
            "[" + before + "01]",
            "[" + before + "1.0]",
            "[" + before + "1e0]",
            "[" + before + "[1,[0]]]",
            "[" + before + "[1,]]",
            "[" + before + "[,1]]",
            "[" + before + "[true]]",
            "[" + before + "[-1]]",
            "[" + before + "[" + listSize + "]]",
            "[" + before + "true]")) {
      leftToTheParser(codec, compact, json, numbered);
    }
    for (String json :
        List.of(
            "[" + before + "0]",
            "[" + before + (listSize - 1) + "]",
            "[" + before + "[0,1]]",
            "[" + before + "[1,\"x\",0]]",
            "[" + before + "\"x\"]",
            "[" + nulls + "7]")) {
      Recorder fast = new Recorder();
      assertThat(compact.read(json, numbered, fast.sink)).as(json).isTrue();
      Recorder parsed = new Recorder();
      codec.read(json, numbered, parsed.sink);
      assertThat(fast.calls).as(json).isEqualTo(parsed.calls).isNotEmpty();
    }
    for (String json :
        List.of(
            "{\"" + integer + "\":7,\"case_ref\":\"A1\"}",
            "{\"" + integer + "\":\"12\"}",
            "{\"" + code + "\":\"12\"}",
            "{\"case_ref\":\"A1\",\"case_ref\":\"A2\"}")) {
      Recorder fast = new Recorder();
      assertThat(compact.read(json, null, fast.sink)).as(json).isTrue();
      Recorder parsed = new Recorder();
      codec.read(json, null, parsed.sink);
      assertThat(fast.calls).as(json).isEqualTo(parsed.calls).isNotEmpty();
    }
  }

  /** Not read by the compact reader, and the same answers (or error) by the codec's reader. */
  private static void leftToTheParser(
      RowCodec codec, CompactRowReader compact, String json, StoredLayout positions) {
    Recorder none = new Recorder();
    assertThat(compact.read(json, positions, none.sink)).as(json).isFalse();
    assertThat(none.calls).as(json).isEmpty();
    List<String> expected = answersOrError(codec, json, positions, true);
    List<String> actual = answersOrError(codec, json, positions, false);
    assertThat(actual).as(json).isEqualTo(expected);
  }

  /** The answers read (by the parser alone when {@code general}), or the error's class. */
  private static List<String> answersOrError(
      RowCodec codec, String json, StoredLayout positions, boolean general) {
    Recorder r = new Recorder();
    try {
      if (general) {
        codec.read(json, positions, r.sink);
      } else {
        RowCodec.Reader reader = codec.reader();
        reader.read(json, positions, reader.prepare(json, positions), r.sink);
      }
      return r.calls;
    } catch (RuntimeException e) {
      return List.of("error " + e.getClass().getName());
    }
  }
}
