package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pauses after 429s without Retry-After: growing only when a pause did not help. */
class ThrottleTest {

  private final long t0 = System.nanoTime();
  private final Throttle throttle = new Throttle(
      IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)));

  @Test
  void theFirst429PausesForTheInitialBackOff() {
    assertThat(throttle.throttled(t0 + 1, t0 + 2)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void the429sOfCallsInFlightWhenThePauseBeganAddNothing() {
    // Given a pause begun at t0 + 10 by a 429
    throttle.throttled(t0 + 1, t0 + 10);

    // When 255 calls sent before it get their 429s
    for (int i = 0; i < 255; i++) {
      assertThat(throttle.throttled(t0 + 2 + i % 8, t0 + 20 + i)).isNull();
    }

    // Then a call sent after the pause that gets a 429 doubles it, once
    assertThat(throttle.throttled(t0 + 300, t0 + 400)).isEqualTo(Duration.ofMillis(400));
    assertThat(throttle.throttled(t0 + 500, t0 + 600)).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void aPauseNeverGrowsPastTheMaximumBackOff() {
    Duration last = null;
    for (int i = 1; i <= 100; i++) {
      last = throttle.throttled(t0 + 10L * i, t0 + 10L * i + 1);
    }
    assertThat(last).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void anAnswerToACallSentAfterThePauseForgetsThePauses() {
    // Given two pauses in a row
    throttle.throttled(t0 + 1, t0 + 2);
    throttle.throttled(t0 + 3, t0 + 4);

    // When a call sent before the last pause is answered, and then one sent after it
    throttle.answered(t0 + 3);
    Duration stillGrowing = throttle.throttled(t0 + 5, t0 + 6);
    throttle.answered(t0 + 7);

    // Then only the second forgets them: the next 429 pauses for the initial back-off again
    assertThat(stillGrowing).isEqualTo(Duration.ofMillis(800));
    assertThat(throttle.throttled(t0 + 8, t0 + 9)).isEqualTo(Duration.ofMillis(200));
  }
}
