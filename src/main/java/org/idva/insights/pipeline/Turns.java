package org.idva.insights.pipeline;

/**
 * Who may use the case store when, when returns go through one {@link Pipeline} on several threads,
 * so every return gets exactly what a run one file after the other would give it. A return's use of
 * the store (is this file already held? is this case's intake known? merge it) depends only on the
 * earlier returns of the same service (and, for "already held", of the same bytes). So a return
 * waits, before each use, until every earlier return is either done or known to be for another
 * service (or other bytes); returns of different services run side by side. The earliest return
 * still running never waits, so nothing can wait forever.
 */
final class Turns {
  /** One file after the other: nobody ever waits. */
  static final Turns SERIAL = new Turns(0);

  private final String[] services;
  private final boolean[] serviceKnown;
  private final String[] hashes;
  private final boolean[] done;
  private final ThreadLocal<Integer> current = new ThreadLocal<>();
  private final ThreadLocal<String> clearedFor = new ThreadLocal<>();
  private int firstNotDone;

  Turns(int files) {
    services = new String[files];
    serviceKnown = new boolean[files];
    hashes = new String[files];
    done = new boolean[files];
  }

  /** The calling thread now works on submission {@code index} (in the serial order). */
  void begin(int index) {
    current.set(index);
    clearedFor.remove();
  }

  private Integer index() {
    return this == SERIAL ? null : current.get();
  }

  /** The current submission's file hash is known. */
  synchronized void hashKnown(String sha) {
    Integer i = index();
    if (i != null) {
      hashes[i] = sha;
      notifyAll();
    }
  }

  /** The current submission's service is known (null: none could be read). */
  synchronized void serviceKnown(String service) {
    Integer i = index();
    if (i != null) {
      services[i] = service == null ? null : service.strip();
      serviceKnown[i] = true;
      notifyAll();
    }
  }

  /** The current submission is done with the store. */
  synchronized void done() {
    Integer i = index();
    if (i != null) {
      done[i] = true;
      while (firstNotDone < done.length && done[firstNotDone]) {
        firstNotDone++;
      }
      notifyAll();
    }
  }

  /** Waits until no earlier submission may still store a file with these bytes. */
  void awaitHash(String sha) {
    Integer i = index();
    if (i == null) {
      return;
    }
    synchronized (this) {
      while (!clearOfHash(i, sha)) {
        await();
      }
    }
  }

  /** Waits until no earlier submission may still change what the store holds for a service. */
  void awaitService(String service) {
    Integer i = index();
    if (i == null) {
      return;
    }
    String s = service == null ? "" : service.strip();
    if (s.equals(clearedFor.get())) {
      return; // once clear, it stays clear: earlier submissions only ever finish
    }
    synchronized (this) {
      while (!clearOfService(i, s)) {
        await();
      }
    }
    clearedFor.set(s);
  }

  private boolean clearOfHash(int i, String sha) {
    for (int k = firstNotDone; k < i; k++) {
      if (!done[k] && (hashes[k] == null || hashes[k].equals(sha))) {
        return false;
      }
    }
    return true;
  }

  private boolean clearOfService(int i, String service) {
    for (int k = firstNotDone; k < i; k++) {
      if (!done[k]
          && (!serviceKnown[k] || (services[k] != null && services[k].equalsIgnoreCase(service)))) {
        return false;
      }
    }
    return true;
  }

  private void await() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an earlier return", e);
    }
  }
}
