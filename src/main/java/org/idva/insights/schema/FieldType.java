package org.idva.insights.schema;

import java.util.Arrays;
import java.util.Optional;

/** The type of a question's answer, as written in a form definition ({@code "type": "code"}). */
public enum FieldType {
  IDENTIFIER("identifier"),
  CODE("code"),
  MULTI_CODE("multi_code"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  DATE("date"),
  TEXT("text");

  private final String key;

  FieldType(String key) {
    this.key = key;
  }

  /** The name used in definition files and the data dictionary. */
  public String key() {
    return key;
  }

  public boolean isCoded() {
    return this == CODE || this == MULTI_CODE;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  public static Optional<FieldType> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }

  public static String allKeys() {
    return String.join(", ", Arrays.stream(values()).map(FieldType::key).toList());
  }
}
