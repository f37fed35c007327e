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

  /** Counts backend faults only (5xx, 429, timeouts, connection errors), never 4xx rejections. */
  static CircuitBreakerConfig breakerConfig(WorkerSettings.Resilience settings) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(50)
        .minimumNumberOfCalls(20)
        .waitDurationInOpenState(settings.openDuration())
        .permittedNumberOfCallsInHalfOpenState(5)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordResult(result -> result instanceof ApiOutcome.Transient)
        .build();
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

  static RateLimiterConfig rateLimiterConfig(WorkerSettings.Resilience settings) {
    return RateLimiterConfig.custom()
        .limitForPeriod(settings.rateLimitPerSecond())
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ZERO)
        .build();
  }
}
