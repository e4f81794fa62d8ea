package org.idva.insights.pipeline;

/** How a return reached the tool. Each way in runs the same {@link Pipeline}. */
public enum Channel {
  /** A file dropped into the input folder on the analyst's disk. */
  FOLDER("input folder"),
  /** An attachment e-mailed to the analyst's mailbox. */
  MAIL("e-mail"),
  /** A file uploaded on the returns web page. */
  WEB("web upload");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  /** How people call it: {@code e-mail}. */
  public String label() {
    return label;
  }
}
