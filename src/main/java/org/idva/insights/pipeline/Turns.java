package org.idva.insights.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Who may use the case store when, when returns go through one {@link Pipeline} on several threads,
 * so every return gets exactly what a run one file after the other would give it. A return's use of
 * the store (is this file already held? is this case's intake known? merge it) depends only on the
 * earlier returns of the same service (and, for "already held", of the same bytes). So a return
 * waits, before each use, until every earlier return is either done or known to be for another
 * service (or other bytes); returns of different services run side by side. The earliest return
 * still running never waits, so nothing can wait forever.
 *
 * <p>A return's service is known for sure only once it is checked, but the services it may be for
 * (its About sheet's and its file name's) are known as soon as its About sheet is read: a later
 * return of any other service need not wait for it from then on. More returns may be under way than
 * there are processors (a window wide enough to hold more than one service's run of returns); the
 * {@code permits} say how many of them work at once, and a return gives its permit back while it
 * waits.
 */
final class Turns {
  /** One file after the other: nobody ever waits. */
  static final Turns SERIAL = new Turns(0, null);

  private final String[] services;
  private final boolean[] serviceKnown;
  private final List<String>[] possible;
  private final Semaphore permits;
  private final String[] hashes;
  private final boolean[] done;
  private final ThreadLocal<Integer> current = new ThreadLocal<>();
  private final ThreadLocal<String> clearedFor = new ThreadLocal<>();
  private final ThreadLocal<Boolean> holdsPermit = ThreadLocal.withInitial(() -> false);
  private int firstNotDone;

  /**
   * @param files how many submissions, in the serial order
   * @param permits how many may work at once (taken by each when it begins), or null for no limit
   */
  @SuppressWarnings("unchecked")
  Turns(int files, Semaphore permits) {
    this.permits = permits;
    services = new String[files];
    serviceKnown = new boolean[files];
    possible = new List[files];
    hashes = new String[files];
    done = new boolean[files];
  }

  /**
   * The calling thread now works on submission {@code index} (in the serial order), holding one of
   * the permits.
   */
  void begin(int index) {
    current.set(index);
    clearedFor.remove();
    holdsPermit.set(permits != null);
  }

  /**
   * The calling thread's submission needs no processor for the rest of its work (it waits for the
   * disk to make its merge durable, then only reports): its permit goes to a submission that does.
   */
  void permitNotNeeded() {
    if (holdsPermit.get()) {
      holdsPermit.set(false);
      permits.release();
    }
  }

  /** The calling thread is done with its submission: the permit it still holds, if any, goes. */
  void end() {
    permitNotNeeded();
    current.remove();
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

  /**
   * The current submission is for one of these services (or for none): its About sheet's and its
   * file name's, known before its rows are read.
   */
  synchronized void servicesPossible(Collection<String> candidates) {
    Integer i = index();
    if (i != null && !serviceKnown[i]) {
      possible[i] =
          candidates.stream()
              .filter(java.util.Objects::nonNull)
              .map(String::strip)
              .distinct()
              .toList();
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
    boolean waited = false;
    synchronized (this) {
      while (!clearOfHash(i, sha)) {
        waited = pause(waited);
      }
    }
    resume(waited);
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
    boolean waited = false;
    synchronized (this) {
      while (!clearOfService(i, s)) {
        waited = pause(waited);
      }
    }
    resume(waited);
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
      if (!done[k] && mayBeFor(k, service)) {
        return false;
      }
    }
    return true;
  }

  private boolean mayBeFor(int k, String service) {
    if (serviceKnown[k]) {
      return services[k] != null && services[k].equalsIgnoreCase(service);
    }
    if (possible[k] == null) {
      return true; // nothing known yet
    }
    for (String p : possible[k]) { // a loop, not a stream: this runs on every wake-up
      if (p.equalsIgnoreCase(service)) {
        return true;
      }
    }
    return false;
  }

  /** Waits once, giving this thread's permit (if it holds one) back before the first wait. */
  private boolean pause(boolean waited) {
    if (!waited && holdsPermit.get()) {
      permits.release();
    }
    await();
    return true;
  }

  /**
   * Takes the permit it gave back again after waiting (outside the lock: those holding one need
   * it).
   */
  private void resume(boolean waited) {
    if (waited && holdsPermit.get()) {
      permits.acquireUninterruptibly();
    }
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
