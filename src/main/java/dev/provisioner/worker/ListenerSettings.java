package dev.provisioner.worker;

import dev.provisioner.runtime.DurationSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code spring.kafka.listener.*} settings that the worker checks at start itself. Spring Boot
 * binds them without a check: spring-kafka refuses a concurrency below 1 only when it builds the
 * listener container, in words that do not name the setting ("concurrency must be greater than
 * 0"), and takes a negative retry interval as it is; bound here too, a bad value stops the start
 * naming it, as {@link WorkerSettings} does.
 *
 * @param concurrency consumers per process; unset means spring-kafka's default, 1
 * @param authExceptionRetryInterval how often a consumer Kafka refused tries again; positive, at
 *     most a day
 */
@ConfigurationProperties("spring.kafka.listener")
public record ListenerSettings(@Nullable Integer concurrency, @Nullable Duration authExceptionRetryInterval) {

  public ListenerSettings {
    if (concurrency != null && concurrency < 1) {
      throw new IllegalArgumentException("spring.kafka.listener.concurrency must be at least 1, but was "
          + concurrency);
    }
    if (authExceptionRetryInterval != null) {
      DurationSettings.requirePositive("spring.kafka.listener.auth-exception-retry-interval",
          authExceptionRetryInterval, DurationSettings.A_DAY);
    }
  }

  /**
   * The {@code spring.kafka.consumer.*} setting the worker checks at start: left to Kafka, a batch
   * size below 1 stops the start in words that name {@code max.poll.records}, not the setting.
   *
   * @param maxPollRecords the largest batch; unset means Kafka's default
   */
  @ConfigurationProperties("spring.kafka.consumer")
  public record Consumer(@Nullable Integer maxPollRecords) {

    public Consumer {
      if (maxPollRecords != null && maxPollRecords < 1) {
        throw new IllegalArgumentException("spring.kafka.consumer.max-poll-records must be at least 1, "
            + "but was " + maxPollRecords);
      }
    }
  }
}
