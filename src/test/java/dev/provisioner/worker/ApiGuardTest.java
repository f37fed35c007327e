package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The gate's bookkeeping of what the API answered: a fresh 503 is a fault the breaker counts and
 * whose Retry-After holds every call; the same 503 replayed from the API's idempotency store is
 * neither (it was counted when it happened); a 429 is no fault, and pauses every call.
 */
class ApiGuardTest {

  private final CircuitBreaker breaker = CircuitBreaker.of("guard-test",
      Resilience.breakerConfig(CommandHandlerTest.RESILIENCE));
  private final ApiGuard guard = new ApiGuard(breaker, ClientRate.unlimited(), Clock.systemUTC(), Duration.ofSeconds(30),
      IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)), () -> false);

  @Test
  void freshServiceUnavailableAnswersOpenTheBreaker() {
    callsAnswering(unavailable(false, null), 20);

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void aFreshRetryAfterHoldsTheNextCall() {
    callsAnswering(unavailable(false, Duration.ofSeconds(30)), 1);

    assertThat(guard.call(() -> CompletableFuture.completedFuture(unavailable(false, null)), attempts()))
        .as("held for the 30 s Retry-After").isNotDone();
  }

  @Test
  void replayedServiceUnavailableAnswersNeitherOpenTheBreakerNorHoldTheNextCall() {
    callsAnswering(unavailable(true, Duration.ofSeconds(30)), 20);

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    CompletableFuture<ApiOutcome> next = guard.call(() -> CompletableFuture.completedFuture(unavailable(false, null)),
        attempts());
    assertThat(next).as("called at once, not after the replayed answer's 30 s Retry-After").isDone();
  }

  @Test
  void a429sBurstNeitherOpensTheBreakerNorPausesLongerThanTheFirstPause() {
    // Given 50 calls in flight at once
    List<CompletableFuture<ApiOutcome>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      CompletableFuture<ApiOutcome> answer = new CompletableFuture<>();
      answers.add(answer);
      assertThat(guard.call(() -> answer, attempts())).as("call %d went through at once", i).isNotDone();
    }

    // When the API throttles them all, without Retry-After
    answers.forEach(answer -> answer.complete(throttled()));

    // Then the breaker stays closed (the API is up), and the next call waits the first pause (1 s),
    // not one doubled per 429 (the maximum, a minute)
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    CompletableFuture<ApiOutcome> next = guard.call(() -> CompletableFuture.completedFuture(throttled()), attempts());
    assertThat(next).as("held").isNotDone();
    await().atMost(Duration.ofSeconds(10)).until(next::isDone);
  }

  @Test
  void callsBeyondTheRateLimitWaitForTheTurnsTheyReservedAndThenGoThrough() {
    // Given a client rate limit of 2 calls a second
    RateLimiter limiter = RateLimiter.of("guard-test", Resilience.rateLimiterConfig(2, Duration.ofSeconds(1)));
    ApiGuard limited = new ApiGuard(breaker, ClientRate.fixed(limiter), Clock.systemUTC(), Duration.ofSeconds(30),
        IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)), () -> false);
    AtomicInteger made = new AtomicInteger();

    // When 5 calls come at once
    List<CompletableFuture<ApiOutcome>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(limited.call(() -> {
        made.incrementAndGet();
        return CompletableFuture.completedFuture(created());
      }, attempts()));
    }

    // Then 2 are made at once, 2 more hold permits of the next second, the last waits a second to
    // ask again, and all 5 are made
    assertThat(made).hasValue(2);
    assertThat(limiter.getMetrics().getNumberOfWaitingThreads()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().allMatch(CompletableFuture::isDone));
    assertThat(made).hasValue(5);
  }

  private void callsAnswering(ApiOutcome outcome, int calls) {
    for (int i = 0; i < calls; i++) {
      CompletableFuture<ApiOutcome> call = guard.call(() -> CompletableFuture.completedFuture(outcome), attempts());
      assertThat(call).as("call %d went through the gate at once", i).isDone();
    }
  }

  private static Attempts attempts() {
    return new Attempts(CommandHandlerTest.COMMAND, Instant.now().plus(Duration.ofMinutes(1)));
  }

  private static ApiOutcome created() {
    return new ApiOutcome.Created(JsonNodeFactory.instance.objectNode().put("id", "bacc_1"), false);
  }

  private static ApiOutcome throttled() {
    return new ApiOutcome.Transient(Problem.of("rate-limited", "Too many requests", 429, null), null, false, null);
  }

  private static ApiOutcome unavailable(boolean replayed, @Nullable Duration retryAfter) {
    return new ApiOutcome.Transient(Problem.of("service-unavailable", "Service unavailable", 503, null),
        retryAfter, replayed, null);
  }
}
