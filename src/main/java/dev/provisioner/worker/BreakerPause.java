package dev.provisioner.worker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Stops fetching while the breaker is open and fetches again when it lets probes through: one
 * log line per transition. Commands already in flight wait at the {@link ApiGuard}.
 */
final class BreakerPause {

  private static final Logger log = LoggerFactory.getLogger(BreakerPause.class);

  private final KafkaListenerEndpointRegistry listeners;
  private final WorkerStatus status;

  BreakerPause(KafkaListenerEndpointRegistry listeners, WorkerStatus status) {
    this.listeners = listeners;
    this.status = status;
  }

  void watch(CircuitBreaker breaker) {
    breaker.getEventPublisher().onStateTransition(event -> {
      CircuitBreaker.State to = event.getStateTransition().getToState();
      status.breakerState(to.name());
      MessageListenerContainer container = listeners.getListenerContainer(CommandListener.ID);
      if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
        log.warn("circuit breaker {}: {}; consumption paused", breaker.getName(), event.getStateTransition());
        pause(container, true);
      } else {
        log.info("circuit breaker {}: {}; consumption resumed", breaker.getName(), event.getStateTransition());
        pause(container, false);
      }
    });
  }

  private void pause(MessageListenerContainer container, boolean pause) {
    if (container == null) {
      return;
    }
    if (pause) {
      container.pause();
    } else if (!status.stopped()) {
      container.resume();
    }
  }
}
