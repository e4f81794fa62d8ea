package org.idva.insights.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A form of the return (Intake, Review, Exit, Criminal justice, Civil justice). */
public record Form(String id, SheetDefinition main, List<SheetDefinition> groups) {

  public Form {
    groups = List.copyOf(groups);
  }

  public String title() {
    return main.title();
  }

  /** The main sheet followed by the group sheets. */
  public List<SheetDefinition> sheets() {
    List<SheetDefinition> all = new ArrayList<>();
    all.add(main);
    all.addAll(groups);
    return all;
  }

  public Optional<SheetDefinition> group(String groupId) {
    return groups.stream().filter(g -> g.group().equals(groupId)).findFirst();
  }
}
