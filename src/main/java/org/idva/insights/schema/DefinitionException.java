package org.idva.insights.schema;

/**
 * A definition file is broken: names the file, the key inside it and what was expected, so the
 * person editing it can fix it without reading Java.
 */
public final class DefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String key;

  public DefinitionException(String file, String key, String problem) {
    super(file + (key.isEmpty() ? "" : " at " + key) + ": " + problem);
    this.file = file;
    this.key = key;
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }
}
