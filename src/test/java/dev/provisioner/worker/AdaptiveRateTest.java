package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.MovingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client rate limit that follows the API's 429s, judged once a second on a clock the test
 * moves: set from what the API accepted in a throttled second, raised while it holds calls back
 * without a 429, lowered by a 429, lifted after a quiet minute.
 */
class AdaptiveRateTest {

  private final MovingClock clock = new MovingClock();
  private final AdaptiveRate rate = new AdaptiveRate(clock, Duration.ofMinutes(1));

  @Test
  void callsAreNotLimitedWhileTheApiAnswersNo429() {
    aSecondAnswering(500, 0);
    aSecondAnswering(500, 0);

    assertThat(rate.limiter()).isNull();
    assertThat(rate.limitPerSecond()).isZero();
  }

  @Test
  void aSecondWith429sLimitsCallsToNineTenthsOfWhatTheApiAccepted() {
    // When the API accepts 20 calls in a second and answers 236 with 429
    aSecondAnswering(20, 236);

    // Then the next second allows 18 calls, spread over it: 4 every 222 ms, not 18 at once
    assertThat(rate.limitPerSecond()).isEqualTo(18);
    assertThat(permitsTaken(100)).isEqualTo(4);
    assertThat(rate.limiter().getRateLimiterConfig().getLimitRefreshPeriod()).isEqualTo(Duration.ofMillis(222));
  }

  @Test
  void aFastLimitIsSpreadOverTenthsOfASecond() {
    aSecondAnswering(1_000, 10);

    assertThat(permitsTaken(1_000)).isEqualTo(90);
    assertThat(rate.limiter().getRateLimiterConfig().getLimitRefreshPeriod()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void untilA429ComesUnderTheLimitItRisesByAQuarterEachSecondItHeldCallsBack() {
    // Given a limit set from a start's second, which may show less than the API takes
    aSecondAnswering(20, 236);

    secondsHeldBackWithout429(3);

    assertThat(rate.limitPerSecond()).as("18 * 1.25 * 1.25 * 1.25").isEqualTo(35);
  }

  @Test
  void theLimitRisesHalfTheWayBackToWhereThe429CameEachSecondThenByFivePercentPastIt() {
    aSecondAnswering(1_000, 10);
    aSecondAnswering(900, 10);
    assertThat(rate.limitPerSecond()).as("a 429 at 900").isEqualTo(810);

    secondsHeldBackWithout429(2);
    assertThat(rate.limitPerSecond()).as("810 + 45 + 22.5").isEqualTo(878);

    secondsHeldBackWithout429(5);
    assertThat(rate.limitPerSecond()).as("888.8, 894.4, 897.2, 898.6, 899.6").isEqualTo(900);

    secondsHeldBackWithout429(1);
    assertThat(rate.limitPerSecond()).as("899.6 * 1.05").isEqualTo(945);
  }

  @Test
  void aSecondInWhichTheLimitHeldNothingBackLeavesItAsItIs() {
    aSecondAnswering(20, 236);

    aSecondAnswering(5, 0);
    aSecondAnswering(5, 0);

    assertThat(rate.limitPerSecond()).isEqualTo(18);
  }

  @Test
  void a429UnderALimitLowersItToNineTenthsAtMost() {
    aSecondAnswering(100, 50);
    assertThat(rate.limitPerSecond()).isEqualTo(90);

    // When the API still throttles, accepting as many as the limit let through
    aSecondAnswering(90, 3);

    assertThat(rate.limitPerSecond()).as("90 * 0.9").isEqualTo(81);
  }

  @Test
  void aSecondInWhichTheLimitHeldCallsBackAndTheApiTookLessThanHalfOfItHalvesTheLimit() {
    aSecondAnswering(100, 50);

    rate.held();
    aSecondAnswering(40, 40);

    assertThat(rate.limitPerSecond()).isEqualTo(45);
  }

  @Test
  void aSecondOfFewCallsWithA429LowersTheLimitByATenthOnly() {
    aSecondAnswering(100, 50);

    aSecondAnswering(5, 1);

    assertThat(rate.limitPerSecond()).as("few calls wanted, not a limit far off").isEqualTo(81);
  }

  @Test
  void theLimitIsLiftedAfterAMinuteWithoutA429() {
    aSecondAnswering(20, 236);

    for (int second = 0; second < 61; second++) {
      aSecondAnswering(10, 0);
    }

    assertThat(rate.limiter()).isNull();
  }

  @Test
  void aMinuteOfSilenceWithoutCallsAlsoLiftsIt() {
    aSecondAnswering(20, 236);

    clock.advance(Duration.ofMinutes(2));

    assertThat(rate.limiter()).isNull();
  }

  @Test
  void throttledSecondsWithNothingAcceptedSetNoLimitWhileThereIsNone() {
    aSecondAnswering(0, 300);

    assertThat(rate.limiter()).as("nothing says what the API would take; the pauses after 429s slow the calls")
        .isNull();
  }

  /** The API answers this many calls with something else and with a 429, then the second ends. */
  private void aSecondAnswering(int accepted, int throttled) {
    for (int i = 0; i < accepted; i++) {
      rate.answered(false);
    }
    for (int i = 0; i < throttled; i++) {
      rate.answered(true);
    }
    clock.advance(Duration.ofSeconds(1));
  }

  private void secondsHeldBackWithout429(int seconds) {
    for (int second = 0; second < seconds; second++) {
      rate.held();
      aSecondAnswering(10, 0);
    }
  }

  /** Permits the limiter gives at once, of {@code wanted} asked for. */
  private int permitsTaken(int wanted) {
    int taken = 0;
    while (taken < wanted && rate.limiter().reservePermission() == 0) {
      taken++;
    }
    return taken;
  }
}
