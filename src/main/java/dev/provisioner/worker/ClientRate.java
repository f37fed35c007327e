package dev.provisioner.worker;

import io.github.resilience4j.ratelimiter.RateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * The client's own limit on API calls a second, as the gate ({@link ApiGuard}) applies it: none,
 * a fixed one ({@code provisioner.resilience.rate-limit-per-second}), or one that follows the API's
 * 429s ({@link AdaptiveRate}).
 */
interface ClientRate {

  /** The limiter in force now; null when calls are not limited. */
  @Nullable RateLimiter limiter();

  /** The limiter in force refused a call, which waits and asks again. */
  default void held() {
  }

  /** The API answered a call: with a 429 when {@code throttled}, else with anything else. */
  default void answered(boolean throttled) {
  }

  /**
   * True while a limit that follows the API's 429s is in force: it answers them itself, so they
   * need no pause of every call ({@link Throttle}) on top.
   */
  default boolean adjusting() {
    return false;
  }

  /** Calls a second allowed now; 0 when calls are not limited. */
  default int limitPerSecond() {
    RateLimiter limiter = limiter();
    return limiter == null ? 0 : limiter.getRateLimiterConfig().getLimitForPeriod();
  }

  /** Calls are never limited. */
  static ClientRate unlimited() {
    return () -> null;
  }

  /** Calls are limited by {@code limiter}, whatever the API answers. */
  static ClientRate fixed(RateLimiter limiter) {
    return () -> limiter;
  }
}
