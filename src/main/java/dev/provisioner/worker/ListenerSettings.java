package dev.provisioner.worker;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code spring.kafka.listener.*} setting that the worker checks at start itself. Spring Boot
 * binds it without a check and spring-kafka refuses a concurrency below 1 only when it builds the
 * listener container, in words that do not name the setting ("concurrency must be greater than
 * 0"); bound here too, a bad value stops the start naming it, as {@link WorkerSettings} does.
 *
 * @param concurrency consumers per process; unset means spring-kafka's default, 1
 */
@ConfigurationProperties("spring.kafka.listener")
public record ListenerSettings(@Nullable Integer concurrency) {

  public ListenerSettings {
    if (concurrency != null && concurrency < 1) {
      throw new IllegalArgumentException("spring.kafka.listener.concurrency must be at least 1, but was "
          + concurrency);
    }
  }
}
