package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The gate's bookkeeping of what the API answered: a fresh 503 is a fault the breaker counts and
 * whose Retry-After holds every call; the same 503 replayed from the API's idempotency store is
 * neither (it was counted when it happened).
 */
class ApiGuardTest {

  private final CircuitBreaker breaker = CircuitBreaker.of("guard-test",
      Resilience.breakerConfig(CommandHandlerTest.RESILIENCE));
  private final ApiGuard guard = new ApiGuard(breaker, null, Clock.systemUTC(), Duration.ofSeconds(30));

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

  private void callsAnswering(ApiOutcome outcome, int calls) {
    for (int i = 0; i < calls; i++) {
      CompletableFuture<ApiOutcome> call = guard.call(() -> CompletableFuture.completedFuture(outcome), attempts());
      assertThat(call).as("call %d went through the gate at once", i).isDone();
    }
  }

  private static Attempts attempts() {
    return new Attempts(CommandHandlerTest.COMMAND, Instant.now().plus(Duration.ofMinutes(1)));
  }

  private static ApiOutcome unavailable(boolean replayed, @Nullable Duration retryAfter) {
    return new ApiOutcome.Transient(Problem.of("service-unavailable", "Service unavailable", 503, null),
        retryAfter, replayed, null);
  }
}
