package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding the worker's settings: the defaults pass, and a bad value fails naming it and the value. */
class WorkerSettingsTest {

  private static final String TOPIC_RULE = " must be a legal Kafka topic name (1 to 249 characters "
      + "of a-z, A-Z, 0-9, '.', '_' and '-'), but was ";
  private static final String DURATION_RULE = " must be a positive duration of at most 1d (e.g. 500ms, "
      + "10s, 2m), but was ";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Binding.class);

  @Test
  void theDefaultsPassTheirOwnChecks() {
    runner.run(context -> {
      // Then
      assertThat(context).hasNotFailed();
      WorkerSettings settings = context.getBean(WorkerSettings.class);
      assertThat(settings.resilience().initialBackoff()).isEqualTo(Duration.ofMillis(200));
      assertThat(settings.topics().commands()).isEqualTo("account-commands");
      assertThat(context.getBean(ListenerSettings.class).concurrency()).isNull();
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "provisioner.topics.commands= | provisioner.topics.commands" + TOPIC_RULE + "''",
      "provisioner.topics.replies=replies to me | provisioner.topics.replies" + TOPIC_RULE
          + "'replies to me'",
      "provisioner.topics.dead-letters=.. | provisioner.topics.dead-letters" + TOPIC_RULE + "'..'",
      "provisioner.resilience.initial-backoff=-1s | provisioner.resilience.initial-backoff" + DURATION_RULE
          + "-1s",
      "provisioner.resilience.initial-backoff=0ms | provisioner.resilience.initial-backoff" + DURATION_RULE
          + "0s",
      "provisioner.resilience.max-backoff=100ms | provisioner.resilience.max-backoff must be at least "
          + "provisioner.resilience.initial-backoff (200ms), but was 100ms",
      "provisioner.resilience.max-backoff=25h | provisioner.resilience.max-backoff" + DURATION_RULE + "25h",
      "provisioner.resilience.max-retry-after=-5s | provisioner.resilience.max-retry-after" + DURATION_RULE
          + "-5s",
      "provisioner.resilience.max-retry-after=99999999999999d | provisioner.resilience.max-retry-after"
          + DURATION_RULE + "99999999999999d",
      "provisioner.resilience.open-duration=0s | provisioner.resilience.open-duration" + DURATION_RULE
          + "0s",
      "provisioner.resilience.max-batch-wait=0s | provisioner.resilience.max-batch-wait" + DURATION_RULE
          + "0s",
      "provisioner.resilience.max-batch-wait=2d | provisioner.resilience.max-batch-wait" + DURATION_RULE
          + "2d",
      "spring.kafka.listener.concurrency=0 | spring.kafka.listener.concurrency must be between 1 and 100, "
          + "but was 0",
      "spring.kafka.listener.concurrency=101 | spring.kafka.listener.concurrency must be between 1 and 100, "
          + "but was 101",
      "spring.kafka.listener.auth-exception-retry-interval=-1s | "
          + "spring.kafka.listener.auth-exception-retry-interval" + DURATION_RULE + "-1s",
      "spring.kafka.consumer.max-poll-records=0 | spring.kafka.consumer.max-poll-records must be at "
          + "least 1, but was 0",
      "provisioner.topics.replies=account-commands | provisioner.topics.replies must not be "
          + "provisioner.topics.commands, but both were 'account-commands'",
      "provisioner.topics.dead-letters=account-commands | provisioner.topics.dead-letters must not "
          + "be provisioner.topics.commands, but both were 'account-commands'",
      "provisioner.topics.dead-letters=account-replies | provisioner.topics.dead-letters must not "
          + "be provisioner.topics.replies, but both were 'account-replies'"})
  void aBadValueFailsTheBindingNamingTheSettingAndTheValue(String setting, String message) {
    // Given one bad setting
    runner.withPropertyValues(setting).run(context ->
        // Then the context fails with a message that names it
        assertThat(context).getFailure().rootCause().hasMessage(message));
  }

  @Test
  void theBoundSettingsNeverShowTheKeyInTheirText() {
    runner.withPropertyValues("provisioner.api.key=sk_test_CANARY123").run(context -> {
      // When
      WorkerSettings settings = context.getBean(WorkerSettings.class);

      // Then
      assertThat(settings.api().key()).isEqualTo("sk_test_CANARY123");
      assertThat(settings.toString()).contains("key=sk_test_****").doesNotContain("CANARY123");
    });
  }

  @Test
  void aMaxBackOffEqualToTheInitialOneIsAConstantBackOffAndPasses() {
    runner.withPropertyValues("provisioner.resilience.initial-backoff=1s",
        "provisioner.resilience.max-backoff=1s").run(context -> assertThat(context).hasNotFailed());
  }

  @ParameterizedTest(name = "max-batch-wait={0}, max.poll.interval.ms={1}")
  @CsvSource({"10m, 600000, 10m", "15m, 600000, 10m", "5m, , 5m"})
  void aBatchWaitKafkaWouldNotWaitForFailsNamingBothSettings(String maxBatchWait, String pollInterval,
      String interval) {
    // Given a consumer poll interval as worker.properties sets it, as given, or Kafka's default
    String[] given = pollInterval == null ? new String[0]
        : new String[] {"spring.kafka.consumer.properties.max.poll.interval.ms=" + pollInterval};
    runner.withPropertyValues(given).run(context -> {
          ListenerSettings.Consumer consumer = context.getBean(ListenerSettings.Consumer.class);

          // When a batch may wait as long or longer, Then
          assertThatThrownBy(() -> consumer.requireLongerThan(DurationStyle.detectAndParse(maxBatchWait)))
              .hasMessage("provisioner.resilience.max-batch-wait must be less than spring.kafka.consumer."
                  + "properties.max.poll.interval.ms (" + interval + "), or a waiting batch loses its "
                  + "partitions, but was " + maxBatchWait);
        });
  }

  @Test
  void theDefaultBatchWaitIsWithinWorkerPropertiesPollInterval() {
    runner.withPropertyValues("spring.kafka.consumer.properties.max.poll.interval.ms=600000").run(context -> {
      // Given
      ListenerSettings.Consumer consumer = context.getBean(ListenerSettings.Consumer.class);
      WorkerSettings settings = context.getBean(WorkerSettings.class);

      // Then
      assertThatCode(() -> consumer.requireLongerThan(settings.resilience().maxBatchWait()))
          .doesNotThrowAnyException();
    });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({WorkerSettings.class, ListenerSettings.class,
      ListenerSettings.Consumer.class})
  static class Binding {
  }
}
