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
 * ignoring case, spacing, punctuation and curly quotes, then by the schema's aliases (for a
 * multi-select option, {@code <alias>: <option label>}).
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

  HeaderMatcher(SheetDefinition sheet) {
    this.sheet = sheet;
    this.columns = sheet.columns();
    for (Column c : columns) {
      exact.put(c.header(), c);
      folded.putIfAbsent(Text.squash(c.header()), c);
      for (String alias : c.field().aliases()) {
        String text = c.isOption() ? alias + ": " + c.option().label() : alias;
        aliases.putIfAbsent(Text.squash(text), c);
      }
      if (c.isOption()) {
        for (Map.Entry<String, String> a : c.field().codeList().aliases().entrySet()) {
          if (a.getValue().equals(c.option().code())) {
            aliases.putIfAbsent(Text.squash(c.field().header() + ": " + a.getKey()), c);
          }
        }
      }
    }
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
    String key = Text.squash(header);
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
