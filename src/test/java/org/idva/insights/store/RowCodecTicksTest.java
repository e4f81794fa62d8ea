package org.idva.insights.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.idva.insights.schema.Field;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.schema.SheetDefinition;
import org.junit.jupiter.api.Test;

/**
 * A multi-code answer is stored as the sorted codes, each once: what a {@code TreeSet} of them
 * gives, which is how the store wrote them before {@link RowCodec#sortedCodes}; written as their
 * numbers in the layout's list (the question's codes sorted) when every tick is one of them, else
 * as text. Checked on seeded random answers of every multi-code question (lists and sets, codes
 * repeated, in any order, with case, accents and characters JSON escapes), against that {@code
 * TreeSet} written by Jackson.
 */
class RowCodecTicksTest {
  private static final String[] ODD = {
    "A", "a", "Z", "_", "caf\u00e9", "cafe", "\u00e9", "quote\"", "back\\slash", "", "10", "9"
  };

  @Test
  void ticksAreWrittenSortedAndOnceAsATreeSetWritesThem() throws IOException {
    Random random = new Random(20261206);
    int checked = 0;
    int repeated = 0;
    for (SheetDefinition sheet : SchemaLoader.loadDefault().sheets()) {
      RowCodec codec = new RowCodec(sheet);
      for (Field f : sheet.fields()) {
        if (f.type() != FieldType.MULTI_CODE) {
          continue;
        }
        for (int i = 0; i < 200; i++) {
          List<String> ticks = new ArrayList<>();
          int n = random.nextInt(7);
          for (int t = 0; t < n; t++) {
            ticks.add(
                random.nextInt(4) == 0
                    ? ODD[random.nextInt(ODD.length)]
                    : f.codeList().codes().get(random.nextInt(f.codeList().codes().size())).code());
          }
          if (new LinkedHashSet<>(ticks).size() < ticks.size()) {
            repeated++;
          }
          Collection<String> answer = random.nextBoolean() ? ticks : new LinkedHashSet<>(ticks);
          assertThat(codec.encode(Map.of(f.id(), answer)))
              .as("%s %s", f.id(), ticks)
              .isEqualTo(asTreeSet(sheet.fields().indexOf(f), f, answer));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(repeated).isGreaterThan(100);
  }

  @Test
  void sortedCodesKeepsRepeatsForTheWriterToSkip() {
    assertThat(RowCodec.sortedCodes(List.of("b", "a", "b", "A")))
        .containsExactly("A", "a", "b", "b");
    assertThat(RowCodec.sortedCodes(List.of())).isEmpty();
    assertThatThrownBy(() -> RowCodec.sortedCodes(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
  }

  /**
   * The row as the store wrote it before: the codes put in a TreeSet, then written (the field's
   * value at its position in the sheet's fields, none before it).
   */
  private static String asTreeSet(int position, Field f, Collection<String> ticks)
      throws IOException {
    List<String> sorted =
        List.copyOf(new TreeSet<>(f.codeList().codes().stream().map(c -> c.code()).toList()));
    boolean numbered = sorted.containsAll(ticks);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      for (int i = 0; i < position; i++) {
        g.writeNull();
      }
      g.writeStartArray();
      for (String code : new TreeSet<>(ticks)) {
        if (numbered) {
          g.writeNumber(sorted.indexOf(code)); // the codes' numbers in the layout's list
        } else {
          g.writeString(code);
        }
      }
      g.writeEndArray();
      g.writeEndArray();
    }
    return out.toString();
  }
}
