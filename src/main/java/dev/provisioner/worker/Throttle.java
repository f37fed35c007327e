package dev.provisioner.worker;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * How long every call waits after a 429 without {@code Retry-After}: the API throttles the client
 * but does not say for how long (Moment documents no {@code Retry-After}, and recommends
 * exponential back-off).
 *
 * <p>The pause grows exponentially ({@code initial-backoff} doubling up to {@code max-backoff}),
 * but only by a 429 to a call made after the last pause began: the calls already in flight then
 * were sent together, too fast, and their 429s say nothing new (counted, 256 of them took the pause
 * to its maximum at once). The first answer that is not a 429, to such a call, forgets the pauses.
 */
final class Throttle {

  private static final int MAX_LEVEL = 32;

  private final IntervalFunction pauses;
  private final AtomicReference<Level> level;

  /** The level of throttling: how many pauses in a row, the last begun at {@code began} (nanoTime). */
  private record Level(long began, int pauses) {
  }

  Throttle(IntervalFunction pauses) {
    this.pauses = pauses;
    this.level = new AtomicReference<>(new Level(System.nanoTime(), 0));
  }

  /**
   * The pause every call should wait after a call begun at {@code startNanos} got a 429 without
   * {@code Retry-After}; null when that call was in flight as the pause in force began.
   */
  @Nullable Duration throttled(long startNanos, long nowNanos) {
    Level now = level.get();
    if (now.pauses() > 0 && startNanos - now.began() < 0) {
      return null;
    }
    Level next = new Level(nowNanos, Math.min(now.pauses() + 1, MAX_LEVEL));
    return level.compareAndSet(now, next) ? Duration.ofMillis(pauses.apply(next.pauses())) : null;
  }

  /** A call begun at {@code startNanos} got an answer that is not a 429. */
  void answered(long startNanos) {
    Level now = level.get();
    if (now.pauses() > 0 && startNanos - now.began() >= 0) {
      level.compareAndSet(now, new Level(now.began(), 0));
    }
  }
}
