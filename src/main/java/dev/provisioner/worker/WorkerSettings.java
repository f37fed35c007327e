package dev.provisioner.worker;

import dev.provisioner.accounts.ApiSettings;
import dev.provisioner.runtime.DurationSettings;
import java.net.URI;
import java.time.Duration;
import org.apache.kafka.common.internals.Topic;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code provisioner.*} setting of the worker, bound once at start and validated there: a bad
 * value stops the start with a message naming the setting and the value.
 */
@ConfigurationProperties("provisioner")
public record WorkerSettings(@DefaultValue Api api, @DefaultValue Topics topics, @DefaultValue Processing worker,
    @DefaultValue Resilience resilience) {

  /** The Moment API: base URL, key (env {@code PROVISIONER_API_KEY}) and timeouts. */
  public record Api(@Nullable URI baseUrl, @Nullable String key,
      @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
      @DefaultValue("false") boolean allowLiveKey) {

    public ApiSettings toApiSettings() {
      if (baseUrl == null) {
        throw new IllegalArgumentException("provisioner.api.base-url is required (the Moment API, "
            + "e.g. https://api.momentco.io)");
      }
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("provisioner.api.key is required (or env PROVISIONER_API_KEY)");
      }
      if (key.startsWith("pk_")) {
        throw new IllegalArgumentException("provisioner.api.key is a public key (pk_...): public keys "
            + "cannot create accounts; use a secret key (sk_test_... or sk_...)");
      }
      if (!key.startsWith("sk_test_") && !allowLiveKey) {
        throw new IllegalArgumentException("provisioner.api.key is not a test key (sk_test_...): set "
            + "provisioner.api.allow-live-key=true to use a live key");
      }
      return new ApiSettings(baseUrl, key, connectTimeout, requestTimeout);
    }

    /** As a record's, but the key masked as {@link ApiSettings#toString()} masks it. */
    @Override
    public String toString() {
      return "Api[baseUrl=" + baseUrl + ", key=" + (key == null ? null : ApiSettings.mask(key))
          + ", connectTimeout=" + connectTimeout
          + ", requestTimeout=" + requestTimeout + ", allowLiveKey=" + allowLiveKey + "]";
    }
  }

  /** Topic names, three distinct ones, and how the worker creates them when they are missing. */
  public record Topics(@DefaultValue("account-commands") String commands,
      @DefaultValue("account-replies") String replies,
      @DefaultValue("account-commands-dlt") String deadLetters,
      @DefaultValue("6") int partitions, @DefaultValue("1") short replication) {

    public Topics {
      requireTopicName("provisioner.topics.commands", commands);
      requireTopicName("provisioner.topics.replies", replies);
      requireTopicName("provisioner.topics.dead-letters", deadLetters);
      // One topic for two roles: replies read back as commands answer themselves without end.
      requireDistinct("provisioner.topics.replies", replies, "provisioner.topics.commands", commands);
      requireDistinct("provisioner.topics.dead-letters", deadLetters, "provisioner.topics.commands", commands);
      requireDistinct("provisioner.topics.dead-letters", deadLetters, "provisioner.topics.replies", replies);
      require(partitions >= 1, "provisioner.topics.partitions must be at least 1, but was " + partitions);
      require(replication >= 1, "provisioner.topics.replication must be at least 1, but was " + replication);
    }
  }

  /**
   * How many commands are in flight at once, and the largest command accepted: 1,000,000 bytes
   * by default, so that a command's dead letter, its value plus the {@code kafka_dlt-*} headers,
   * stays under Kafka's default 1 MiB record limit.
   */
  public record Processing(@DefaultValue("256") int inFlight,
      @DefaultValue("1000000") int maxCommandBytes) {

    public Processing {
      require(inFlight >= 1, "provisioner.worker.in-flight must be at least 1, but was " + inFlight);
      require(maxCommandBytes >= 1024,
          "provisioner.worker.max-command-bytes must be at least 1024, but was " + maxCommandBytes);
    }
  }

  /**
   * Retries per command and the circuit breaker around the API. Every duration is positive and at
   * most a day, and the longest back-off at least the first, checked here so that a bad value stops the start
   * naming the setting instead of surfacing, if ever, inside resilience4j while commands run.
   */
  public record Resilience(@DefaultValue("6") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
      @DefaultValue("30s") Duration maxRetryAfter, @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("5s") Duration openDuration, @DefaultValue("0") int rateLimitPerSecond,
      @DefaultValue("2m") Duration maxBatchWait, @DefaultValue("true") boolean adaptiveRateLimit) {

    public Resilience {
      require(maxAttempts >= 1, "provisioner.resilience.max-attempts must be at least 1, but was "
          + maxAttempts);
      requirePositive("provisioner.resilience.initial-backoff", initialBackoff);
      requirePositive("provisioner.resilience.max-backoff", maxBackoff);
      require(maxBackoff.compareTo(initialBackoff) >= 0, "provisioner.resilience.max-backoff must be "
          + "at least provisioner.resilience.initial-backoff (" + DurationSettings.text(initialBackoff)
          + "), but was " + DurationSettings.text(maxBackoff));
      requirePositive("provisioner.resilience.max-retry-after", maxRetryAfter);
      requirePositive("provisioner.resilience.open-duration", openDuration);
      requirePositive("provisioner.resilience.max-batch-wait", maxBatchWait);
      require(failureRateThreshold > 0 && failureRateThreshold <= 100,
          "provisioner.resilience.failure-rate-threshold must be in (0, 100], but was "
              + failureRateThreshold);
      require(rateLimitPerSecond >= 0,
          "provisioner.resilience.rate-limit-per-second must be 0 (off) or more, but was "
              + rateLimitPerSecond);
    }
  }

  private static void requirePositive(String name, Duration value) {
    DurationSettings.requirePositive(name, value, DurationSettings.A_DAY);
  }

  /** Kafka's own rule (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-'; not "." or ".."), checked at start. */
  private static void requireTopicName(String name, String topic) {
    require(Topic.isValid(topic), name + " must be a legal Kafka topic name (1 to 249 characters of "
        + "a-z, A-Z, 0-9, '.', '_' and '-'), but was '" + topic + "'");
  }

  private static void requireDistinct(String name, String topic, String otherName, String other) {
    require(!topic.equals(other), name + " must not be " + otherName + ", but both were '" + topic + "'");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
