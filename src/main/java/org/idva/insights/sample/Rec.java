package org.idva.insights.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generated record (a client, or a row of a form or group) while the sample is built. */
final class Rec {
  final String sheet;
  final int startYear;
  final Map<String, Object> values = new LinkedHashMap<>();
  final List<Rec> children = new ArrayList<>();

  /** Fields decided to stay blank (Missing) by an earlier allocation. */
  final java.util.Set<String> blank = new java.util.HashSet<>();

  String service;
  Rec client;
  Rec intake;
  Rec exit;
  LocalDate date;
  double bias;

  Rec(String sheet, int startYear) {
    this.sheet = sheet;
    this.startYear = startYear;
  }

  Object get(String field) {
    return values.get(field);
  }

  void set(String field, Object value) {
    if (value == null) {
      values.remove(field);
      blank.add(field);
    } else {
      values.put(field, value);
      blank.remove(field);
    }
  }
}
