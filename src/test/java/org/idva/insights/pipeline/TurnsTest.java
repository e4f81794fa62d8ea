package org.idva.insights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Returns checked side by side wait only for earlier returns that may be for their own service: an
 * earlier return stops holding others up as soon as its About sheet names its possible services,
 * and a waiting return gives its permit to work back.
 */
class TurnsTest {
  private static final long WAIT_SECONDS = 30;

  @Test
  void anotherServicesReturnGoesOnOnceTheEarlierReturnsServicesAreKnown() throws Exception {
    Turns turns = new Turns(2, null);
    CountDownLatch finish = new CountDownLatch(1);
    Thread first = earlierReturn(turns, Arrays.asList("SVC01 ", null), finish);
    Thread other =
        thread(
            () -> {
              turns.begin(1);
              turns.awaitService("SVC02");
            });
    other.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(other.isAlive()).as("SVC02 waited for an SVC01 return").isFalse();
    assertThat(first.isAlive()).isTrue();
    finish.countDown();
    first.join();
  }

  @Test
  void aReturnThatMayBeForTheSameServiceIsWaitedForUntilDone() throws Exception {
    for (List<String> possible : List.of(List.of("SVC09", "svc01"), List.of("SVC01"))) {
      Turns turns = new Turns(2, null);
      CountDownLatch finish = new CountDownLatch(1);
      Thread first = earlierReturn(turns, possible, finish);
      Thread same =
          thread(
              () -> {
                turns.begin(1);
                turns.awaitService("SVC01");
              });
      awaitState(same, Thread.State.WAITING);
      assertThat(same.isAlive()).as("went on before " + possible + " was done").isTrue();
      finish.countDown();
      same.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(same.isAlive()).isFalse();
      first.join();
    }
  }

  @Test
  void aWaitingReturnGivesItsPermitBackAndTakesItAgain() throws Exception {
    Semaphore permits = new Semaphore(1, true);
    Turns turns = new Turns(2, permits);
    CountDownLatch resumed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> heldAfterWait = new ArrayList<>();
    Thread later =
        thread(
            () -> {
              permits.acquireUninterruptibly();
              turns.begin(1);
              turns.awaitService("SVC01"); // the earlier return is not even begun
              heldAfterWait.add(permits.availablePermits());
              resumed.countDown();
              await(release);
              permits.release();
            });
    awaitState(later, Thread.State.WAITING);
    assertThat(permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("the waiting return kept its permit")
        .isTrue();
    Thread earlier =
        thread(
            () -> {
              turns.begin(0);
              turns.done();
            });
    earlier.join();
    assertThat(resumed.await(200, TimeUnit.MILLISECONDS)).as("went on without a permit").isFalse();
    permits.release();
    assertThat(resumed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(heldAfterWait).containsExactly(0);
    release.countDown();
    later.join();
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  @Test
  void aReturnWaitingForTheDiskGivesItsPermitOnceAndItsEndGivesNoSecond() {
    Semaphore permits = new Semaphore(2, true);
    Turns turns = new Turns(2, permits);
    permits.acquireUninterruptibly();
    turns.begin(0);
    permits.acquireUninterruptibly();
    assertThat(permits.availablePermits()).isZero();
    turns.permitNotNeeded();
    assertThat(permits.availablePermits()).as("given to another return").isEqualTo(1);
    turns.permitNotNeeded();
    turns.end();
    assertThat(permits.availablePermits()).as("given back once only").isEqualTo(1);

    turns.begin(1); // the permit taken above: this return ends holding it
    turns.end();
    assertThat(permits.availablePermits()).isEqualTo(2);
  }

  @Test
  void theWindowHoldsOneServicesRunAndMore() {
    List<Submission> all = new ArrayList<>();
    for (int q = 1; q <= 12; q++) {
      all.add(submission("SVC01_20" + (10 + q) + "-" + (11 + q) + "-Q1.xlsx"));
    }
    all.add(submission("svc02_2020-21-Q1.xlsx"));
    all.add(submission("notes.xlsx"));
    assertThat(Pipeline.window(all, 2)).isEqualTo(14);
    assertThat(Pipeline.window(all.subList(12, 14), 2)).isEqualTo(4);
    List<Submission> many = new ArrayList<>();
    for (int y = 0; y < 30; y++) {
      for (int q = 1; q <= 4; q++) {
        many.add(submission(String.format("SVC01_%d-%02d-Q%d.xlsx", 2000 + y, 1 + y, q)));
      }
    }
    assertThat(Pipeline.window(many, 2)).isEqualTo(Pipeline.MAX_WINDOW);
  }

  /**
   * Submission 0 on its own thread: it says which services it may be for, then stays under way
   * until {@code finish}; returns once it has said so.
   */
  private static Thread earlierReturn(Turns turns, List<String> possible, CountDownLatch finish)
      throws InterruptedException {
    CountDownLatch announced = new CountDownLatch(1);
    Thread t =
        thread(
            () -> {
              turns.begin(0);
              turns.servicesPossible(possible);
              announced.countDown();
              await(finish);
              turns.done();
            });
    assertThat(announced.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    return t;
  }

  private static Submission submission(String name) {
    return Submission.fromFolder(Path.of("input", name), Instant.EPOCH);
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "turns-test");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (t.getState() != state && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(t.getState()).isEqualTo(state);
  }
}
