package org.idva.insights.pipeline;

import java.util.Locale;

/**
 * A fault-injection hook for the crash and guard tests: the system property {@code insights.fault}
 * = {@code <point>:<part of a file name>:<action>} makes the pipeline fail at that point of that
 * file. Points are {@link Point}; actions are {@code halt} (the process stops at once, as with
 * {@code kill -9}: no cleanup, no shutdown hooks), {@code pause} (prints {@code PAUSED <point>} and
 * waits until its standard input is closed, so a test can act while a run is in a known place),
 * {@code oom} (an {@link OutOfMemoryError}) and {@code throw} (an {@link IllegalStateException}).
 * Unset in normal use: then it does nothing.
 */
final class Faults {
  /** Where in one file's way through the pipeline a fault can be injected. */
  enum Point {
    /** Before the file is read or its hash looked up. */
    BEFORE_READ,
    /** After the checks, before anything is stored. */
    AFTER_CHECK,
    /** Inside the store's transaction: rows written, feedback not yet written. */
    BEFORE_FEEDBACK,
    /** Inside the store's transaction: feedback written, not yet committed. */
    BEFORE_COMMIT,
    /** After the commit. */
    AFTER_COMMIT
  }

  static final String PROPERTY = "insights.fault";

  private final String spec;

  private static void pause(Point point) {
    System.out.println("PAUSED " + point);
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // wait for the test to close our input
      }
    } catch (java.io.IOException e) {
      // input gone: carry on
    }
  }

  private Faults(String spec) {
    this.spec = spec;
  }

  /** The faults the system property asks for (none when it is unset). */
  static Faults fromSystemProperty() {
    return new Faults(System.getProperty(PROPERTY));
  }

  /** The fault {@code <point>:<part of a file name>:<action>}, for a test. */
  static Faults of(String spec) {
    return new Faults(spec);
  }

  void at(Point point, String fileName) {
    if (spec == null || spec.isBlank()) {
      return;
    }
    String[] parts = spec.split(":", 3);
    if (parts.length != 3
        || !parts[0].equalsIgnoreCase(point.name().replace('_', '-'))
        || !fileName.contains(parts[1])) {
      return;
    }
    switch (parts[2].toLowerCase(Locale.ROOT)) {
      case "halt" -> Runtime.getRuntime().halt(137);
      case "pause" -> pause(point);
      case "oom" -> throw new OutOfMemoryError("injected at " + point + " of " + fileName);
      default -> throw new IllegalStateException("injected at " + point + " of " + fileName);
    }
  }
}
