package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/** The resilience4j configurations of the worker, built from {@link WorkerSettings.Resilience}. */
final class Resilience {

  private Resilience() {
  }

  /**
   * Counts backend faults only (5xx, timeouts, connection errors), never 4xx rejections, and not
   * 429: the API is up and throttling the client, which the gate answers by slowing down
   * ({@link Throttle}, {@code Retry-After}). Counted, a rate limit of 500 requests a second opened
   * the breaker 17 times in 10,000 commands, consumption paused 5 s each time: 100 s, 99 a second.
   */
  static CircuitBreakerConfig breakerConfig(WorkerSettings.Resilience settings) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(50)
        .minimumNumberOfCalls(20)
        .waitDurationInOpenState(settings.openDuration())
        .permittedNumberOfCallsInHalfOpenState(5)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordResult(result -> result instanceof ApiOutcome.Transient failure
            && failure.problem().status() != 429)
        .build();
  }

  /** The pauses of every call after 429s without {@code Retry-After}: initial-backoff doubling to max-backoff. */
  static IntervalFunction throttlePauses(WorkerSettings.Resilience settings) {
    return IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0, settings.maxBackoff());
  }

  /**
   * Exponential back-off with jitter between tries of one command, at least as long as the
   * API's {@code Retry-After}. Only results are retried: an exception is a systemic failure.
   */
  static RetryConfig retryConfig(WorkerSettings.Resilience settings) {
    IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
        settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff());
    IntervalBiFunction<Object> interval = (attempt, result) -> {
      long millis = backoff.apply(attempt);
      if (result.isRight() && result.get() instanceof Step.TryAgain again
          && again.cause() instanceof ApiOutcome.Transient failure && failure.retryAfter() != null) {
        Duration retryAfter = failure.retryAfter();
        millis = Math.max(millis, Math.min(retryAfter.toMillis(), settings.maxRetryAfter().toMillis()));
      }
      return millis;
    };
    return RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnResult(result -> result instanceof Step.TryAgain)
        .retryOnException(error -> false)
        .intervalBiFunction(interval)
        .build();
  }

  /** {@code rate-limit-per-second}; see {@link #rateLimiterConfig(int, Duration)}. */
  static RateLimiterConfig rateLimiterConfig(WorkerSettings.Resilience settings) {
    return rateLimiterConfig(settings.rateLimitPerSecond(), Duration.ofSeconds(1));
  }

  /**
   * {@code calls} per {@code period}. A waiting call reserves a permit up to a second ahead
   * ({@code reservePermission}) and waits for it, instead of asking again and again.
   */
  static RateLimiterConfig rateLimiterConfig(int calls, Duration period) {
    return RateLimiterConfig.custom()
        .limitForPeriod(calls)
        .limitRefreshPeriod(period)
        .timeoutDuration(Duration.ofSeconds(1))
        .build();
  }
}
