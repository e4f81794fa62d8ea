package org.idva.insights.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A list of allowed answers, shared by every question that names it. */
public record CodeList(
    String id, String description, List<Code> codes, Map<String, String> aliases) {

  public CodeList {
    codes = List.copyOf(codes);
    aliases = Map.copyOf(aliases);
  }

  public Optional<Code> byCode(String code) {
    return codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public Optional<Code> byLabel(String label) {
    return codes.stream().filter(c -> c.label().equals(label)).findFirst();
  }

  public boolean hasCode(String code) {
    return byCode(code).isPresent();
  }

  /** Label by code, in list order. */
  public Map<String, String> labelsByCode() {
    Map<String, String> labels = new LinkedHashMap<>();
    codes.forEach(c -> labels.put(c.code(), c.label()));
    return labels;
  }

  public List<String> labels() {
    return codes.stream().map(Code::label).toList();
  }
}
