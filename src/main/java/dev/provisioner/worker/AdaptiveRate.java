package dev.provisioner.worker;

import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client rate limit that follows the API's 429s, for an API that throttles without saying its
 * limit (Moment documents neither the numbers nor rate-limit headers).
 *
 * <p>Judged once a second, from that second's answers:
 * <ul>
 *   <li>the first second with a 429 sets the limit to 90 % of what the API accepted in it (a
 *       second of a start, or of pauses after 429s, may show less than the API takes: the limit
 *       then rises by a quarter a second until the next 429);</li>
 *   <li>a later second with a 429 lowers it to 90 % (to half when the limit held calls back and the
 *       API still accepted less than half of it: the limit was far off);</li>
 *   <li>a second in which the limit held calls back and no 429 came raises it: by half the way back
 *       to where the last 429 came (a quarter of the limit at most), then by 5 % a second (at least
 *       one call) past it;</li>
 *   <li>after {@code liftAfter} without a 429 the limit is lifted.</li>
 * </ul>
 * The limiter is resilience4j's, with a refresh period of a tenth of a second or more, so that the
 * calls of a second are spread over it instead of sent at once.
 *
 * <p>Without it, the pauses after 429s ({@link Throttle}) keep the API's pace but each ends with
 * every waiting call at once: at 20 calls a second, 1,000 accounts drew 16,000 429s.
 */
final class AdaptiveRate implements ClientRate {

  private static final Logger log = LoggerFactory.getLogger(AdaptiveRate.class);
  private static final double DECREASE = 0.9;
  private static final double INCREASE = 1.05;
  private static final double CATCH_UP = 0.25;
  private static final long MIN_PERIOD_MILLIS = 100;
  private static final int CALLS_PER_PERIOD = 4;
  private static final String NAME = "moment-api-adaptive";

  private final Clock clock;
  private final long liftAfterSeconds;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder held = new LongAdder();
  private volatile long second;
  private volatile @Nullable RateLimiter limiter;
  private volatile double limit;
  private double throttledAt;
  private long lastThrottledSecond;

  AdaptiveRate(Clock clock, Duration liftAfter) {
    this.clock = clock;
    this.liftAfterSeconds = Math.max(1, liftAfter.toSeconds());
    this.second = secondOf(clock);
  }

  @Override
  public @Nullable RateLimiter limiter() {
    judgeIfANewSecond();
    return limiter;
  }

  @Override
  public void held() {
    judgeIfANewSecond();
    held.increment();
  }

  @Override
  public void answered(boolean wasThrottled) {
    judgeIfANewSecond();
    (wasThrottled ? throttled : accepted).increment();
  }

  private void judgeIfANewSecond() {
    long now = secondOf(clock);
    if (now != second) {
      synchronized (this) {
        if (now != second) {
          judge(second, now);
          second = now;
        }
      }
    }
  }

  /** Judges the second {@code judged} by its answers, in second {@code now} (later when no call came between). */
  private void judge(long judged, long now) {
    long acceptedInIt = accepted.sumThenReset();
    long throttledInIt = throttled.sumThenReset();
    long heldInIt = held.sumThenReset();
    if (throttledInIt > 0) {
      lastThrottledSecond = judged;
    }
    RateLimiter current = limiter;
    if (current != null && now - lastThrottledSecond > liftAfterSeconds) {
      limiter = null;
      log.info("no 429 from the Moment API for {} s: the client rate limit ({} calls a second) is lifted",
          liftAfterSeconds, callsOf(limit));
    } else if (throttledInIt > 0 && now - judged <= liftAfterSeconds) {
      if (current == null && acceptedInIt > 0) {
        throttledAt = Double.POSITIVE_INFINITY;
        limitTo(acceptedInIt * DECREASE);
        log.info("the Moment API is throttling ({} calls answered 429 and {} accepted in a second): calls "
            + "limited to {} a second, adjusted to its answers", throttledInIt, acceptedInIt, callsOf(limit));
      } else if (current != null) {
        throttledAt = limit;
        limitTo(heldInIt > 0 && acceptedInIt * 2 < limit ? limit / 2 : limit * DECREASE);
      }
    } else if (current != null && now - judged == 1 && heldInIt > 0) {
      limitTo(limit < throttledAt - 1 ? limit + Math.max(1, Math.min((throttledAt - limit) / 2, limit * CATCH_UP))
          : Math.max(limit * INCREASE, limit + 1));
    }
  }

  /**
   * Limits calls to {@code perSecond} a second: about {@value #CALLS_PER_PERIOD} calls per
   * period, in periods of {@value #MIN_PERIOD_MILLIS} ms to a second. The limiter in force is kept,
   * its limit changed in place, while its period still suits, so that its reserved permits stand.
   */
  private void limitTo(double perSecond) {
    limit = Math.max(1, perSecond);
    RateLimiter current = limiter;
    if (current != null) {
      long periodMillis = current.getRateLimiterConfig().getLimitRefreshPeriod().toMillis();
      double calls = limit * periodMillis / 1000;
      if ((calls >= CALLS_PER_PERIOD / 2.0 || periodMillis == 1000)
          && (calls <= CALLS_PER_PERIOD * 2 || periodMillis == MIN_PERIOD_MILLIS)) {
        if (current.getRateLimiterConfig().getLimitForPeriod() != callsOf(calls)) {
          current.changeLimitForPeriod(callsOf(calls));
          log.debug("client rate limit now {} calls a second", callsOf(limit));
        }
        return;
      }
    }
    long periodMillis = Math.max(MIN_PERIOD_MILLIS, Math.min(1000, Math.round(1000 * CALLS_PER_PERIOD / limit)));
    limiter = RateLimiter.of(NAME,
        Resilience.rateLimiterConfig(callsOf(limit * periodMillis / 1000), Duration.ofMillis(periodMillis)));
    log.debug("client rate limit now {} calls a second", callsOf(limit));
  }

  @Override
  public boolean adjusting() {
    return limiter != null;
  }

  @Override
  public int limitPerSecond() {
    return limiter() == null ? 0 : callsOf(limit);
  }

  private static int callsOf(double perSecond) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(perSecond)));
  }

  private static long secondOf(Clock clock) {
    return Math.floorDiv(clock.millis(), 1000);
  }
}
