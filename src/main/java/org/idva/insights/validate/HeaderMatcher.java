package org.idva.insights.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.idva.insights.schema.Code;
import org.idva.insights.schema.Column;
import org.idva.insights.schema.FieldType;
import org.idva.insights.schema.SheetDefinition;

/**
 * Matches the headers a service's sheet has to the template's columns, tolerantly: exactly, then
 * ignoring case, spacing, punctuation and curly quotes with common abbreviations spelled out
 * ({@link HeaderWords}: No./No = Number, mths = months, & = and, ref = reference), then by the
 * schema's aliases (for a multi-select option, {@code <alias>: <option label>}).
 */
final class HeaderMatcher {
  /** How a header was matched. */
  enum How {
    EXACT,
    FOLDED,
    ALIAS
  }

  record Match(Column column, How how) {}

  private final SheetDefinition sheet;
  private final List<Column> columns;
  private final Map<String, Column> exact = new HashMap<>();
  private final Map<String, Column> folded = new HashMap<>();
  private final Map<String, Column> aliases = new HashMap<>();
  private final HeaderWords words;

  HeaderMatcher(SheetDefinition sheet) {
    this(sheet, new HeaderWords(Map.of()));
  }

  HeaderMatcher(SheetDefinition sheet, HeaderWords words) {
    this.sheet = sheet;
    this.columns = sheet.columns();
    this.words = words;
    for (Column c : columns) {
      exact.put(c.header(), c);
      folded.putIfAbsent(words.key(c.header()), c);
      for (String alias : c.field().aliases()) {
        String text = c.isOption() ? alias + ": " + c.option().label() : alias;
        aliases.putIfAbsent(words.key(text), c);
      }
      if (c.isOption()) {
        for (Map.Entry<String, String> a : c.field().codeList().aliases().entrySet()) {
          if (a.getValue().equals(c.option().code())) {
            aliases.putIfAbsent(words.key(c.field().header() + ": " + a.getKey()), c);
          }
        }
      }
    }
  }

  /**
   * The template header nearest to an unmatched one (fewest edits between their keys), to suggest
   * in the finding; empty when the sheet has no columns.
   */
  Optional<String> nearest(String header) {
    String key = words.key(header);
    Column best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Column c : columns) {
      int d = Text.distance(key, words.key(c.header()));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best).map(Column::header);
  }

  SheetDefinition sheet() {
    return sheet;
  }

  /**
   * The sheet's columns, made once: {@link #match} answers with these very objects, so they can be
   * compared by identity.
   */
  List<Column> columns() {
    return columns;
  }

  Optional<Match> match(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Column c = exact.get(header);
    if (c != null) {
      return Optional.of(new Match(c, How.EXACT));
    }
    String key = words.key(header);
    c = folded.get(key);
    if (c != null) {
      return Optional.of(new Match(c, How.FOLDED));
    }
    c = aliases.get(key);
    return c == null ? Optional.empty() : Optional.of(new Match(c, How.ALIAS));
  }

  /** How many of these texts match a column: used to find the header row. */
  int score(List<String> texts) {
    int n = 0;
    for (String t : texts) {
      if (match(t).isPresent()) {
        n++;
      }
    }
    return n;
  }

  static List<String> describeOptions(List<Code> codes) {
    List<String> labels = new ArrayList<>();
    codes.forEach(c -> labels.add(c.label()));
    return labels;
  }

  static boolean isRequired(Column c) {
    return c.field().required() && c.field().type() != FieldType.MULTI_CODE;
  }
}
