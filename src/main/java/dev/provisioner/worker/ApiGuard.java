package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The gate every API call passes: the client's rate limit ({@link ClientRate}), a pause the API
 * asked for with {@code Retry-After} (or a {@link Throttle} pause after a 429 without it), and the circuit
 * breaker. Waiting at the gate is not an attempt: a command
 * held here while the breaker is open spends none of its retry budget.
 */
final class ApiGuard {

  private static final Duration OPEN_POLL = Duration.ofMillis(200);
  /**
   * The longest a call waits at the gate before it looks again, so that a stop is seen within it
   * instead of after a whole {@code Retry-After} (up to {@code max-retry-after}).
   */
  static final Duration STOP_CHECK = Duration.ofSeconds(1);

  private final CircuitBreaker breaker;
  private final ClientRate rate;
  private final Clock clock;
  private final Duration maxRetryAfter;
  private final Throttle throttle;
  private final BooleanSupplier stopping;
  private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.MIN);

  /**
   * {@code maxRetryAfter} caps the pause a {@code Retry-After} can impose; {@code throttlePauses}
   * are the pauses after 429s without it, by how many came in a row; once {@code stopping}, no
   * call is made (see {@link Stopping}).
   */
  ApiGuard(CircuitBreaker breaker, ClientRate rate, Clock clock, Duration maxRetryAfter,
      IntervalFunction throttlePauses, BooleanSupplier stopping) {
    this.stopping = stopping;
    this.breaker = breaker;
    this.rate = rate;
    this.clock = clock;
    this.maxRetryAfter = maxRetryAfter;
    this.throttle = new Throttle(throttlePauses);
  }

  /**
   * Makes the call once the gate opens, records its outcome in the breaker, and counts it on the
   * command's attempts. Gives up with a {@link SystemicFailureException} past {@code deadline}, or
   * with a {@link WorkerStoppingException} once the worker is stopping, within {@link #STOP_CHECK}
   * when it was waiting at the gate.
   */
  CompletableFuture<ApiOutcome> call(Supplier<CompletableFuture<ApiOutcome>> call, Attempts attempts) {
    return call(call, attempts, false);
  }

  /** {@code reserved}: the client's rate limit gave this call a permit for now, when it was reserved. */
  private CompletableFuture<ApiOutcome> call(Supplier<CompletableFuture<ApiOutcome>> call, Attempts attempts,
      boolean reserved) {
    if (stopping.getAsBoolean()) {
      return CompletableFuture.failedFuture(new WorkerStoppingException());
    }
    Wait wait = waitBeforeCall(attempts.deadline(), reserved);
    if (wait.time().isNegative()) {
      return CompletableFuture.failedFuture(new SystemicFailureException(
          "the Moment API stayed unavailable past provisioner.resilience.max-batch-wait", false));
    }
    if (!wait.time().isZero()) {
      return CompletableFuture.supplyAsync(() -> null, after(wait.time()))
          .thenCompose(ignored -> call(call, attempts, wait.reserved()));
    }
    attempts.count();
    long start = System.nanoTime();
    return called(call).whenComplete((outcome, error) -> record(outcome, start));
  }

  /**
   * The call's answer; a client that throws instead of failing its future (a closed Vert.x client
   * throws {@code RejectedExecutionException}) fails it here, so that the command still ends with
   * its reply: thrown on a first try, the command was dead-lettered without one; on a retry, the
   * throw was lost in the retry's scheduler and the command never ended.
   */
  private static CompletableFuture<ApiOutcome> called(Supplier<CompletableFuture<ApiOutcome>> call) {
    try {
      return call.get();
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  /** How long a call waits at the gate, and whether the rate limit reserved it a permit for then. */
  private record Wait(Duration time, boolean reserved) {

    static final Wait NONE = new Wait(Duration.ZERO, false);

    /** A wait no permit was reserved for: cut to {@link #STOP_CHECK}, then the gate is asked again. */
    static Wait unreserved(Duration time) {
      return new Wait(time.compareTo(STOP_CHECK) > 0 ? STOP_CHECK : time, false);
    }
  }

  /** False while the breaker is open or letting probes through: the API is in an outage. */
  boolean breakerClosed() {
    return breaker.getState() == CircuitBreaker.State.CLOSED;
  }

  /**
   * None to call now, a time to wait, or a negative time when the deadline has passed. The rate
   * limit reserves the call a permit up to its timeout ahead, so that waiting calls go at their
   * turns instead of all asking again at once.
   */
  private Wait waitBeforeCall(Instant deadline, boolean reserved) {
    Instant now = clock.instant();
    Instant until = notBefore.get();
    if (now.isAfter(deadline)) {
      return Wait.unreserved(Duration.ofMillis(-1));
    }
    if (until.isAfter(now)) {
      return Wait.unreserved(Duration.between(now, until));
    }
    if (!breaker.tryAcquirePermission()) {
      return Wait.unreserved(OPEN_POLL);
    }
    RateLimiter limiter = reserved ? null : rate.limiter();
    long nanos = limiter == null ? 0 : limiter.reservePermission();
    if (nanos == 0) {
      return Wait.NONE;
    }
    breaker.releasePermission();
    rate.held();
    return nanos > 0 ? new Wait(Duration.ofNanos(nanos), true)
        : Wait.unreserved(limiter.getRateLimiterConfig().getLimitRefreshPeriod());
  }

  private void record(@Nullable ApiOutcome outcome, long start) {
    long elapsed = System.nanoTime() - start;
    if (outcome instanceof ApiOutcome.Transient t && t.notSent()) {
      breaker.releasePermission(); // nothing reached the API: neither a fault of it nor an answer
      return;
    }
    if (outcome instanceof ApiOutcome.Transient t && t.replayed()) {
      // The API answered from its idempotency store: the echo of a failure the breaker counted
      // when it happened, not a fault now, and its Retry-After is that first answer's. Counted as
      // a fault, the retries of the commands a 20 % rate of 503s had failed kept the breaker open
      // (their probes replayed 503s) and held every call: 822 of 5,000 created in 4 minutes.
      breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
      return;
    }
    boolean throttled = outcome instanceof ApiOutcome.Transient t && t.problem().status() == 429;
    if (outcome != null) {
      rate.answered(throttled);
    }
    if (outcome instanceof ApiOutcome.Transient t && t.retryAfter() != null) {
      Duration pause = t.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : t.retryAfter();
      holdUntil(clock.instant().plus(pause));
    } else if (throttled && !rate.adjusting()) {
      Duration pause = throttle.throttled(start, System.nanoTime());
      if (pause != null) {
        holdUntil(clock.instant().plus(pause));
      }
    } else if (outcome != null) {
      throttle.answered(start);
    }
    breaker.onResult(elapsed, TimeUnit.NANOSECONDS, outcome);
  }

  /** Every call waits until {@code until}, as the API asked with {@code Retry-After} or a 429. */
  private void holdUntil(Instant until) {
    notBefore.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
  }

  private static Executor after(Duration wait) {
    return CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
