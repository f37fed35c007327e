package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

/** The worker's health says paused exactly when the consumer is paused (see BreakerPause). */
class WorkerStatusTest {

  @Test
  void givenTheBreakerLetsProbesThroughWhenHealthIsReadThenTheConsumerIsNotPaused() {
    WorkerStatus status = new WorkerStatus(java.time.Clock.systemUTC());

    status.breakerState("OPEN");
    Health open = status.health();
    status.breakerState("HALF_OPEN");
    Health halfOpen = status.health();

    assertThat(open.getDetails()).containsEntry("paused", true);
    assertThat(halfOpen.getDetails()).containsEntry("breaker", "HALF_OPEN").containsEntry("paused", false);
  }

  @Test
  void givenConsumptionStoppedForAnOperatorWhenHealthIsReadThenItIsDownAndPausedWhateverTheBreaker() {
    WorkerStatus status = new WorkerStatus(java.time.Clock.systemUTC());

    status.stop("the Moment API refused provisioner.api.key");
    Health health = status.health();

    assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
    assertThat(health.getDetails()).containsEntry("paused", true).containsEntry("breaker", "CLOSED");
  }
}
