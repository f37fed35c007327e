package dev.provisioner.tooling.submit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the JVM's shutdown hook asks the run to stop and waits
 * a bounded time while it stops sending, writes its report and prints what was done, so the user
 * is told which rows were sent, answered or not sent instead of seeing the process just vanish.
 */
public final class Interruption {

  /** How long the hook holds the JVM for the run to report; the producer's flush is shorter. */
  static final Duration GRACE = Duration.ofSeconds(40);

  private volatile boolean requested;
  private volatile boolean reporting;
  private final CountDownLatch done = new CountDownLatch(1);

  /** Whether the user asked the run to stop. */
  public boolean requested() {
    return requested;
  }

  /** From now on a stop waits for the run's report (nothing is held before sending starts). */
  void reporting() {
    reporting = true;
  }

  /** Asks the run to stop and, once it sends, waits until it has reported (at most {@link #GRACE}). */
  public void request() {
    requested = true;
    if (!reporting) {
      return;
    }
    try {
      done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run has said all it has to say; a waiting stop may end the JVM now. */
  public void finished() {
    done.countDown();
  }
}
