package org.idva.insights.render;

import java.util.List;
import java.util.function.Function;
import org.idva.insights.model.Finding;
import org.idva.insights.model.Severity;
import org.idva.insights.model.SourceLocation;

/**
 * A finding in the service's words, the same on the Issues sheet, in cell comments and in the
 * message: the question as the form asks it, the case ref, the cell, what was found, what is
 * expected and how to put it right, with the check code last (for the analyst).
 */
final class FindingText {
  private final Function<String, String> titles;

  FindingText(Function<String, String> titles) {
    this.titles = titles;
  }

  /** The check's short title, e.g. {@code Code not in list}. */
  String title(Finding f) {
    return titles.apply(f.code());
  }

  /** The short title of the check with this code. */
  String titleOfCode(String code) {
    return titles.apply(code);
  }

  /**
   * {@code Error}, {@code Query}, {@code Explained} (a query the service explained), {@code
   * Notice}.
   */
  static String severity(Finding f) {
    if (f.isExplained()) {
      return "Explained";
    }
    return switch (f.severity()) {
      case ERROR -> "Error";
      case QUERY -> "Query";
      case NOTICE -> "Notice";
    };
  }

  /** {@code F7}, {@code row 7}, {@code column F} or empty (the whole sheet or file). */
  static String cell(SourceLocation at) {
    return at.hasRow() && at.hasColumn()
        ? at.cell()
        : at.hasRow() ? "row " + at.row() : at.hasColumn() ? "column " + at.cell() : "";
  }

  /** {@code sheet Intake, cell F7, case C001, question 'Disability type'}; empty for a file. */
  static String where(Finding f) {
    SourceLocation at = f.location();
    StringBuilder s = new StringBuilder();
    if (at.sheet() != null) {
      s.append("sheet ").append(at.sheet());
    }
    String cell = cell(at);
    if (!cell.isEmpty()) {
      s.append(s.length() == 0 ? "" : ", ")
          .append(at.hasRow() && at.hasColumn() ? "cell " : "")
          .append(cell);
    }
    if (f.caseRef() != null) {
      s.append(s.length() == 0 ? "" : ", ").append("case ").append(f.caseRef());
    }
    if (f.question() != null) {
      s.append(s.length() == 0 ? "" : ", ").append("question '").append(f.question()).append("'");
    }
    return s.toString();
  }

  /** What was found, safe to show in a text output. */
  static String found(Finding f) {
    return f.found() == null ? "" : f.found();
  }

  /** The text of one cell comment listing every finding on that cell. */
  String comment(List<Finding> onCell) {
    StringBuilder s = new StringBuilder();
    if (onCell.size() > 1) {
      s.append(onCell.size()).append(" findings on this cell:\n\n");
    }
    for (int i = 0; i < onCell.size(); i++) {
      Finding f = onCell.get(i);
      if (i > 0) {
        s.append("\n\n");
      }
      s.append(severity(f)).append(": ").append(title(f));
      if (f.question() != null) {
        s.append("\nQuestion: ").append(f.question());
      }
      if (f.caseRef() != null) {
        s.append("\nCase: ").append(f.caseRef());
      }
      if (!found(f).isEmpty()) {
        s.append("\nFound: ").append(found(f));
      }
      s.append("\nExpected: ").append(f.expected());
      s.append("\nHow to put it right: ").append(f.fix());
      if (f.isExplained()) {
        s.append("\nYou explained this query; it needs nothing more.");
      } else if (f.severity() == Severity.QUERY && f.caseRef() != null && f.field() != null) {
        s.append("\nIf the answer is right, explain why on the Issues sheet.");
      }
      s.append("\n(check ").append(f.code()).append(')');
    }
    return s.toString();
  }
}
