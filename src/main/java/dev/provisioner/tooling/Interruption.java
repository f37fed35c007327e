package dev.provisioner.tooling;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the JVM's shutdown hook asks the run to stop and waits
 * a bounded time while it stops sending, commits or writes what it did and prints it, so the user
 * is told what was done ({@code submit}: rows sent, answered or not sent; {@code dlt replay}: dead
 * letters re-published) instead of seeing the process just vanish.
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
  public void reporting() {
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

  /**
   * Runs {@code run} with a shutdown hook that requests this interruption, so Ctrl-C or SIGTERM
   * lets the run report; the hook is removed afterwards (unless the JVM is already stopping, when
   * it ends as the run has finished).
   */
  public <T> T hooked(String name, Supplier<T> run) {
    Thread hook = new Thread(this::request, name);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run.get();
    } finally {
      finished();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // shutting down: the hook ends now that finished() was called
      }
    }
  }
}
