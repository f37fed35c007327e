package dev.provisioner.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerRetryAuthEvent;
import org.springframework.kafka.event.ConsumerRetryAuthSuccessfulEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Turns spring-kafka's consumer events into the worker's health. Without it a consumer Kafka
 * refused (a missing ACL on the consumer group, say) stopped for good while the health stayed UP:
 * the worker looked fine and consumed nothing. Now spring-kafka retries a refused consumer
 * ({@code spring.kafka.listener.auth-exception-retry-interval}), the health is DOWN naming the
 * refusal until Kafka accepts it, and a consumer that stops for any reason but a normal stop
 * marks the process broken for the liveness probe, so an orchestrator restarts it.
 */
final class ConsumerEvents {

  private static final Logger log = LoggerFactory.getLogger(ConsumerEvents.class);

  private final WorkerStatus status;
  private final ApplicationEventPublisher publisher;

  ConsumerEvents(WorkerStatus status, ApplicationEventPublisher publisher) {
    this.status = status;
    this.publisher = publisher;
  }

  @EventListener
  void onRefused(ConsumerRetryAuthEvent event) {
    status.kafkaRefused(event.getSource(), "Kafka refused the consumer (" + event.getReason()
        + "), retrying; the log names what, e.g. the consumer group without an ACL");
  }

  @EventListener
  void onAccepted(ConsumerRetryAuthSuccessfulEvent event) {
    status.kafkaAccepted(event.getSource());
  }

  @EventListener
  void onStopped(ConsumerStoppedEvent event) {
    if (event.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
      String why = "a consumer stopped: " + event.getReason();
      log.error("{}; the worker is marked broken for the liveness probe", why);
      status.stop(why);
      AvailabilityChangeEvent.publish(publisher, this, LivenessState.BROKEN);
    }
  }
}
