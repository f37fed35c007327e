package dev.provisioner.worker;

import dev.provisioner.runtime.DurationSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The {@code spring.kafka.listener.*} settings that the worker checks at start itself. Spring Boot
 * binds them without a check: spring-kafka refuses a concurrency below 1 only when it builds the
 * listener container, in words that do not name the setting ("concurrency must be greater than
 * 0"), and takes a negative retry interval as it is; bound here too, a bad value stops the start
 * naming it, as {@link WorkerSettings} does.
 *
 * @param concurrency consumers per process, at most {@value #MAX_CONCURRENCY}; unset means
 *     spring-kafka's default, 1
 * @param authExceptionRetryInterval how often a consumer Kafka refused tries again; positive, at
 *     most a day
 * @param ackMode how the container acknowledges; only {@code manual} (the worker's own) works
 */
@ConfigurationProperties("spring.kafka.listener")
public record ListenerSettings(@Nullable Integer concurrency, @Nullable Duration authExceptionRetryInterval,
    @Nullable AckMode ackMode) {

  /**
   * Each consumer is a thread with its own Kafka consumer and transactional producer, and each
   * already keeps many commands of all its partitions in flight; a consumer beyond the commands
   * topic's partitions idles. A million (a typo) would start threads until the process fails.
   */
  static final int MAX_CONCURRENCY = 100;

  public ListenerSettings {
    if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
      throw new IllegalArgumentException("spring.kafka.listener.concurrency must be between 1 and "
          + MAX_CONCURRENCY + ", but was " + concurrency);
    }
    if (ackMode != null && ackMode != AckMode.MANUAL) {
      // The listener acknowledges each batch itself (CommandListener): with another mode spring-kafka
      // gives it no Acknowledgment, and every batch would fail.
      throw new IllegalArgumentException("spring.kafka.listener.ack-mode must be manual (the worker "
          + "acknowledges each batch itself), but was " + ackMode.name().toLowerCase(Locale.ROOT));
    }
    if (authExceptionRetryInterval != null) {
      DurationSettings.requirePositive("spring.kafka.listener.auth-exception-retry-interval",
          authExceptionRetryInterval, DurationSettings.A_DAY);
    }
  }

  /**
   * The {@code spring.kafka.consumer.*} settings the worker checks at start: left to Kafka, a batch
   * size below 1 stops the start in words that name {@code max.poll.records}, not the setting; and
   * a batch allowed to wait longer than Kafka waits for the next poll loses its partitions midway.
   *
   * @param maxPollRecords the largest batch; unset means Kafka's default
   * @param properties Kafka consumer properties given as such, {@code max.poll.interval.ms} among them
   */
  @ConfigurationProperties("spring.kafka.consumer")
  public record Consumer(@Nullable Integer maxPollRecords, @DefaultValue Map<String, String> properties) {

    private static final String MAX_POLL_INTERVAL = "max.poll.interval.ms";
    /** Kafka's own default of {@code max.poll.interval.ms}. */
    private static final Duration KAFKA_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    public Consumer {
      if (maxPollRecords != null && maxPollRecords < 1) {
        throw new IllegalArgumentException("spring.kafka.consumer.max-poll-records must be at least 1, "
            + "but was " + maxPollRecords);
      }
    }

    /**
     * Refuses a {@code provisioner.resilience.max-batch-wait} Kafka would not wait for: the
     * listener blocks its consumer's poll loop while a batch waits, and a consumer that does not
     * poll within {@code max.poll.interval.ms} leaves its group, so its batch's transaction fails
     * and another worker processes the commands again.
     */
    void requireLongerThan(Duration maxBatchWait) {
      Duration interval = maxPollInterval();
      if (interval != null && maxBatchWait.compareTo(interval) >= 0) {
        throw new IllegalArgumentException("provisioner.resilience.max-batch-wait must be less than "
            + "spring.kafka.consumer.properties." + MAX_POLL_INTERVAL + " (" + DurationSettings.text(interval)
            + "), or a waiting batch loses its partitions, but was " + DurationSettings.text(maxBatchWait));
      }
    }

    /**
     * How long a batch may go on starting records: half of what is left of {@code
     * max.poll.interval.ms} once the records started last have had {@code maxBatchWait} to finish
     * (4 minutes by default), at least a second. The other half is the margin for commands waiting
     * on others of their key and for publishing.
     */
    Duration batchStartBudget(Duration maxBatchWait) {
      Duration interval = maxPollInterval();
      Duration half = (interval == null ? KAFKA_MAX_POLL_INTERVAL : interval).minus(maxBatchWait).dividedBy(2);
      return half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half;
    }

    /** The poll interval as given, Kafka's default when not given; null when not a number (Kafka says so). */
    private @Nullable Duration maxPollInterval() {
      String given = properties.get(MAX_POLL_INTERVAL);
      if (given == null) {
        return KAFKA_MAX_POLL_INTERVAL;
      }
      try {
        return Duration.ofMillis(Long.parseLong(given.trim()));
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }
}
