package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.event.ConsumerRetryAuthEvent;
import org.springframework.kafka.event.ConsumerRetryAuthSuccessfulEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;

class ConsumerEventsTest {

  private final WorkerStatus status = new WorkerStatus(Clock.systemUTC());
  private final List<Object> published = new ArrayList<>();
  private final ConsumerEvents events = new ConsumerEvents(status, published::add);
  private final Object consumer = new Object();

  @Test
  void aConsumerKafkaRefusesMakesTheHealthDownUntilKafkaAcceptsIt() {
    // When Kafka refuses a consumer
    events.onRefused(new ConsumerRetryAuthEvent(consumer, consumer, ConsumerRetryAuthEvent.Reason.AUTHORIZATION));

    // Then the health is DOWN, saying so
    assertThat(status.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(status.health().getDetails().get("reason").toString())
        .startsWith("Kafka refused the consumer (AUTHORIZATION)");

    // When a retry is accepted, Then it is UP again, and nothing asked for a restart
    events.onAccepted(new ConsumerRetryAuthSuccessfulEvent(consumer, consumer));
    assertThat(status.health().getStatus()).isEqualTo(Status.UP);
    assertThat(published).isEmpty();
  }

  @Test
  void aConsumerThatStopsAbnormallyMakesTheHealthDownAndTheProcessBrokenForTheLivenessProbe() {
    // When a consumer stops on an error
    events.onStopped(new ConsumerStoppedEvent(consumer, consumer, ConsumerStoppedEvent.Reason.ERROR));

    // Then
    assertThat(status.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(status.health().getDetails()).containsEntry("reason", "a consumer stopped: ERROR");
    assertThat(published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
        event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
  }

  @Test
  void aNormalStopChangesNothing() {
    // When a consumer stops because the worker stops
    events.onStopped(new ConsumerStoppedEvent(consumer, consumer, ConsumerStoppedEvent.Reason.NORMAL));

    // Then
    assertThat(status.health().getStatus()).isEqualTo(Status.UP);
    assertThat(published).isEmpty();
  }
}
