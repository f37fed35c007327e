package dev.provisioner.worker;

import dev.provisioner.runtime.DurationSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * How long a stopping worker waits for its batches, and the two Spring waits raised to it.
 *
 * <p>A stop lets each batch finish its API calls in flight and then commit (see {@link Stopping}).
 * Spring stops the listener containers in a lifecycle phase that it waits for at most {@code
 * spring.lifecycle.timeout-per-shutdown-phase} (30 s by default); past it, the context goes on to
 * close the API client and the retry scheduler under the running batch, whose commands then end
 * {@code failed} and dead-lettered. A call may run for {@code provisioner.api.connect-timeout} plus
 * {@code provisioner.api.request-timeout}, so the phase of the listener containers alone is given
 * at least {@link #stopWait()}; so is a container's own shutdown timeout (10 s by default), which
 * bounds a container stopped directly rather than through the phase.
 *
 * @param stopWait the longest a batch may still take once the worker stops
 * @param phaseTimeout Spring's wait per shutdown phase as configured
 */
record ShutdownTimeouts(Duration stopWait, Duration phaseTimeout) {

  /** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
  static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

  /** Publishing a batch's replies and committing its transaction, after its last call. */
  static final Duration PUBLISH_MARGIN = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(ShutdownTimeouts.class);

  /**
   * The stop's wait from the settings: a call in flight (connect and request timeouts); a retry
   * whose back-off (at most {@code max-backoff}) began just before the stop, which sees the stop
   * when it ends; a command waiting at the gate, which looks again within {@link
   * ApiGuard#STOP_CHECK}; and the publishing.
   */
  static ShutdownTimeouts of(WorkerSettings settings, Binder binder) {
    Duration stopWait = settings.api().connectTimeout().plus(settings.api().requestTimeout())
        .plus(settings.resilience().maxBackoff()).plus(ApiGuard.STOP_CHECK).plus(PUBLISH_MARGIN);
    Duration phase = binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
        .orElse(DEFAULT_PHASE_TIMEOUT);
    return new ShutdownTimeouts(stopWait, phase);
  }

  /** The wait for the listener containers' phase: the configured one, or the stop's when longer. */
  Duration listenerPhaseTimeout() {
    return longer(phaseTimeout, stopWait);
  }

  /** Raises the container's own shutdown timeout to the stop's wait when shorter. */
  void apply(ContainerProperties container) {
    container.setShutdownTimeout(Math.max(container.getShutdownTimeout(), stopWait.toMillis()));
  }

  /**
   * Gives the listener containers' phase {@link #listenerPhaseTimeout()}, once {@code context} is
   * refreshed (its lifecycle processor exists then); other phases keep the configured timeout.
   */
  void apply(ApplicationContext context, KafkaListenerEndpointRegistry listeners) {
    LifecycleProcessor processor = context.getBean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME,
        LifecycleProcessor.class);
    if (processor instanceof DefaultLifecycleProcessor lifecycle) {
      lifecycle.setTimeoutForShutdownPhase(listeners.getPhase(), listenerPhaseTimeout().toMillis());
    } else {
      log.warn("the shutdown wait of the listener containers could not be set to {} (lifecycle processor {}): a stop "
          + "may close the API client under calls in flight", DurationSettings.text(listenerPhaseTimeout()),
          processor.getClass().getName());
    }
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Applies the phase timeout when the worker's own context is refreshed, not a child's. */
  static final class OnRefresh {

    private final ShutdownTimeouts timeouts;
    private final ApplicationContext context;
    private final KafkaListenerEndpointRegistry listeners;

    OnRefresh(ShutdownTimeouts timeouts, ApplicationContext context, KafkaListenerEndpointRegistry listeners) {
      this.timeouts = timeouts;
      this.context = context;
      this.listeners = listeners;
    }

    @EventListener
    void onRefreshed(ContextRefreshedEvent event) {
      if (event.getApplicationContext() == context) {
        timeouts.apply(context, listeners);
      }
    }
  }
}
