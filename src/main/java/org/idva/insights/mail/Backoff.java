package org.idva.insights.mail;

import java.time.Duration;

/** Waits that double after each failure, from a first wait up to a longest one. */
final class Backoff {
  private final Duration first;
  private final Duration longest;
  private Duration next;

  Backoff(Duration first, Duration longest) {
    this.first = first;
    this.longest = longest;
    this.next = first;
  }

  /** The wait after one more failure. */
  Duration next() {
    Duration d = next;
    next = next.multipliedBy(2).compareTo(longest) > 0 ? longest : next.multipliedBy(2);
    return d;
  }

  /** After a success: starts over, and returns the usual wait given. */
  Duration reset(Duration usual) {
    next = first;
    return usual;
  }
}
