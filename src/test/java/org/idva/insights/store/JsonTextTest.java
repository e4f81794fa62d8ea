package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.idva.insights.model.RowValues;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;

/**
 * The store's rows are written as Jackson's default generator wrote them ({@link JsonText}, {@link
 * RowCodec#encode}): the same text for seeded random strings of every kind of character (controls,
 * quotes, backslashes, accents, other scripts, surrogate pairs, lone surrogates) and for seeded
 * random rows of every sheet of the schema, against that generator.
 */
class JsonTextTest {
  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void stringsAreWrittenAsJacksonWritesThem() throws IOException {
    Random random = new Random(20261207);
    int escaped = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = randomText(random);
      StringBuilder b = new StringBuilder();
      JsonText.string(b, s);
      String jackson = jackson(g -> g.writeString(s));
      assertThat(b.toString()).as("%s", s.chars().boxed().toList()).isEqualTo(jackson);
      if (jackson.length() != s.length() + 2) {
        escaped++;
      }
    }
    assertThat(escaped).as("strings with something to escape").isGreaterThan(5_000);
  }

  @Test
  void rowsOfEverySheetAreWrittenAsJacksonWroteThem() throws IOException {
    Random random = new Random(7);
    int rows = 0;
    for (SheetDefinition sheet : SchemaLoader.loadDefault().sheets()) {
      RowCodec codec = new RowCodec(sheet);
      for (int i = 0; i < 200; i++) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(sheet.fields());
        java.util.Collections.shuffle(fields, random); // the map's order is not the row's
        for (Field f : fields) {
          if (random.nextInt(3) > 0) {
            values.put(f.id(), randomValue(random, f));
          }
        }
        String row = codec.encode(values);
        assertThat(row).isEqualTo(jacksonRow(sheet, values));
        // and it reads back as the object the store wrote before layouts does
        assertThat(codec.decode(row, codec.ownLayout()))
            .isEqualTo(codec.decode(jacksonObjectRow(sheet, values), null));
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(1_000);
  }

  /**
   * A checked row ({@link RowValues}) is written as the same values in any map are: its keys in the
   * sheet's order and the schema's own ids (taken one after another), shuffled, equal but not the
   * same strings, with keys that are not fields (reported, not written), and with null values.
   */
  @Test
  void checkedRowsAreWrittenAsTheirValuesInAnyMap() throws IOException {
    Random random = new Random(20261207);
    int rows = 0;
    int extras = 0;
    for (SheetDefinition sheet : SchemaLoader.loadDefault().sheets()) {
      RowCodec codec = new RowCodec(sheet);
      for (int i = 0; i < 300; i++) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(sheet.fields());
        int shape = random.nextInt(4);
        if (shape == 1) {
          java.util.Collections.shuffle(fields, random);
        }
        List<String> notFields = new ArrayList<>();
        for (Field f : fields) {
          if (random.nextInt(3) > 0) {
            String key = shape == 2 ? new String(f.id().toCharArray()) : f.id();
            values.put(key, random.nextInt(12) == 0 ? null : randomValue(random, f));
          }
          if (shape == 3 && random.nextInt(8) == 0) {
            String key = "not_a_field_" + random.nextInt(1000);
            if (values.putIfAbsent(key, "x") == null) {
              notFields.add(key);
            }
          }
        }
        Map<String, Object> present = new LinkedHashMap<>(values);
        present.values().removeIf(java.util.Objects::isNull);
        present.keySet().removeAll(notFields);
        List<String> reported = new ArrayList<>();
        String row = codec.encode(RowValues.copyOf(values), reported::add);
        assertThat(row).as("shape %d", shape).isEqualTo(jacksonRow(sheet, present));
        assertThat(reported).as("shape %d", shape).isEqualTo(notFields);
        extras += notFields.size();
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(1_500);
    assertThat(extras).as("keys that are not fields").isGreaterThan(100);
  }

  /**
   * The row as {@link RowCodec#encode} writes it, written with Jackson's generator: an array of the
   * values in the sheet's field order, null for a field without one, nothing after the last.
   */
  static String jacksonRow(SheetDefinition sheet, Map<String, Object> values) throws IOException {
    List<Field> fields = sheet.fields();
    int last = -1;
    for (int i = 0; i < fields.size(); i++) {
      if (values.get(fields.get(i).id()) != null) {
        last = i;
      }
    }
    int end = last;
    return jackson(
        g -> {
          g.writeStartArray();
          for (int i = 0; i <= end; i++) {
            Object v = values.get(fields.get(i).id());
            if (v == null) {
              g.writeNull();
            } else {
              jacksonNumbered(g, fields.get(i), v);
            }
          }
          g.writeEndArray();
        });
  }

  /**
   * The row as RowCodec wrote it before layouts (migration V9), with Jackson's generator: an object
   * naming each field with a value, in the sheet's field order.
   */
  static String jacksonObjectRow(SheetDefinition sheet, Map<String, Object> values)
      throws IOException {
    return jackson(
        g -> {
          g.writeStartObject();
          for (Field f : sheet.fields()) {
            Object v = values.get(f.id());
            if (v != null) {
              g.writeFieldName(f.id());
              jacksonValue(g, v);
            }
          }
          g.writeEndObject();
        });
  }

  /** A value as {@link RowCodec#encode} writes it, by Jackson's generator. */
  /**
   * A value as the sheet's own layout holds it: a code of a coded field's list as its number in the
   * list's codes sorted (each once); a list of ticks that are all codes of the list as their
   * numbers, sorted; anything else as {@link #jacksonValue} writes it.
   */
  static void jacksonNumbered(JsonGenerator g, Field f, Object v) throws IOException {
    if (!f.type().isCoded()) {
      jacksonValue(g, v);
      return;
    }
    List<String> sorted =
        List.copyOf(new TreeSet<>(f.codeList().codes().stream().map(c -> c.code()).toList()));
    if (v instanceof String code && sorted.contains(code)) {
      g.writeNumber(sorted.indexOf(code));
    } else if (v instanceof java.util.Collection<?> c
        && c.stream().allMatch(t -> t instanceof String code && sorted.contains(code))) {
      g.writeStartArray();
      for (Object code : new TreeSet<>(c)) {
        g.writeNumber(sorted.indexOf(code));
      }
      g.writeEndArray();
    } else {
      jacksonValue(g, v);
    }
  }

  static void jacksonValue(JsonGenerator g, Object v) throws IOException {
    if (v instanceof java.util.Collection<?> c) {
      g.writeStartArray();
      for (Object code : new TreeSet<>(c.stream().map(Object::toString).toList())) {
        g.writeString(code.toString());
      }
      g.writeEndArray();
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigDecimal d) {
      g.writeString(d.toPlainString());
    } else {
      g.writeString(v.toString());
    }
  }

  private static Object randomValue(Random random, Field f) {
    return switch (f.type()) {
      case INTEGER -> (long) random.nextInt(200_000) - 100_000;
      case DECIMAL -> new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(5));
      case DATE -> LocalDate.ofEpochDay(15_000 + random.nextInt(5_000));
      case MULTI_CODE -> {
        List<String> ticks = new ArrayList<>();
        for (int t = random.nextInt(5); t > 0; t--) {
          ticks.add(
              random.nextInt(5) == 0
                  ? randomText(random)
                  : f.codeList().codes().get(random.nextInt(f.codeList().codes().size())).code());
        }
        yield random.nextBoolean() ? ticks : new LinkedHashSet<>(ticks);
      }
      default ->
          random.nextInt(4) == 0
              ? randomText(random)
              : f.type().isCoded()
                  ? f.codeList().codes().get(random.nextInt(f.codeList().codes().size())).code()
                  : "SVC01-" + random.nextInt(100_000);
    };
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(24); n > 0; n--) {
      switch (random.nextInt(10)) {
        case 0 -> b.append((char) random.nextInt(0x20)); // a control character
        case 1 -> b.append("\"\\/'<>&".charAt(random.nextInt(7)));
        case 2 -> b.append((char) (0x7F + random.nextInt(0x81))); // DEL, C1 controls, Latin-1
        case 3 -> b.append((char) (0x100 + random.nextInt(0xD700))); // other scripts
        case 4 -> b.appendCodePoint(0x1F600 + random.nextInt(80)); // a surrogate pair
        case 5 -> b.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
        default -> b.append((char) (0x20 + random.nextInt(0x5F))); // printable ASCII
      }
    }
    return b.toString();
  }

  private interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  private static String jackson(Writing writing) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writing.write(g);
    }
    return out.toString();
  }
}
