package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** The breaker pauses consumption during an outage; a refused key stops it with health DOWN. */
class BreakerTest {

  @Test
  void givenAnOutageWhenTheBreakerOpensThenConsumptionPausesUntilProbesSucceedAndNothingIsLost() {
    try (WorkerFixture fixture = new WorkerFixture("--provisioner.resilience.open-duration=6s",
        "--provisioner.resilience.initial-backoff=50ms", "--provisioner.api.request-timeout=2s")) {
      fixture.sendAll(FaultInjectionTest.commands(100));
      FaultInjectionTest.awaitReplies(fixture, 100, Duration.ofSeconds(60));

      // hang, not refuse: a refusal's Retry-After would hold every call before the breaker has
      // seen enough failures to open; hung calls all time out together.
      fixture.sandboxAdmin("POST", "/_sandbox/outage", "{\"seconds\": 12, \"mode\": \"hang\"}");
      fixture.sendAll(FaultInjectionTest.commands(200));
      await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(worker(fixture).path("breaker").asString()));

      assertThat(worker(fixture).path("paused").asBoolean()).isTrue();
      assertThat(container(fixture).isPauseRequested()).as("consumer paused").isTrue();
      double consumed = recordsConsumed(fixture);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
          .until(() -> fixture.allReplies().size() == 100 && recordsConsumed(fixture) == consumed);

      FaultInjectionTest.awaitReplies(fixture, 300, Duration.ofSeconds(60));
      await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(worker(fixture).path("breaker").asString()));
      assertThat(worker(fixture).path("paused").asBoolean()).isFalse();
      assertThat(container(fixture).isPauseRequested()).as("consumer resumed").isFalse();
      FaultInjectionTest.assertAllCreatedOnce(Figures.of("breaker-pause", 300, fixture), 300);
    }
  }

  @Test
  void givenTheApiRefusesTheKeyWhenCommandsArriveThenConsumptionStopsWithHealthDownAndNoDeadLetters() {
    try (WorkerFixture fixture = new WorkerFixture(
        List.of("--sandbox.api-key=sk_test_anotherKeyThanTheWorkers0123456789"), FaultInjectionTest.FAST)) {
      fixture.sendAll(FaultInjectionTest.commands(20));

      await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(health(fixture).path("status").asString()));
      assertThat(worker(fixture).path("reason").asString()).contains("provisioner.api.key").contains("401");
      assertThat(container(fixture).isPauseRequested()).as("consumption stopped").isTrue();
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
          .until(() -> fixture.allReplies().isEmpty() && fixture.allDeadLetters().isEmpty());
      Figures.of("refused-key", 20, fixture);
    }
  }

  @Test
  void givenABatchIsRolledBackWhenHealthAndMetricsAreReadThenTheyCountItAndSayWhy() {
    try (WorkerFixture fixture = new WorkerFixture(
        List.of("--sandbox.api-key=sk_test_anotherKeyThanTheWorkers0123456789"), FaultInjectionTest.FAST)) {
      // Given
      assertThat(worker(fixture).path("rolledBackBatches").asLong()).isZero();

      // When: the refused key fails the batch, which is rolled back
      fixture.sendAll(FaultInjectionTest.commands(5));

      // Then
      await().atMost(Duration.ofSeconds(30)).until(() -> worker(fixture).path("rolledBackBatches").asLong() >= 1);
      assertThat(worker(fixture).path("lastRollback").asString())
          .contains("SystemicFailureException").contains("provisioner.api.key");
      String prometheus = WorkerFixture.getText("http://localhost:" + fixture.port() + "/actuator/prometheus");
      assertThat(prometheus).containsPattern("(?m)^provisioner_batches_rolled_back_total(\\{[^}]*\\})? [1-9]");
    }
  }

  static JsonNode health(WorkerFixture fixture) {
    return WorkerFixture.getJson("http://localhost:" + fixture.port() + "/actuator/health");
  }

  static JsonNode worker(WorkerFixture fixture) {
    return health(fixture).path("components").path("workerStatus").path("details");
  }

  /** The records the worker's consumers fetched so far, from the Kafka client's own metrics. */
  static double recordsConsumed(WorkerFixture fixture) {
    return container(fixture).metrics().values().stream()
        .flatMap(metrics -> metrics.entrySet().stream())
        .filter(metric -> metric.getKey().name().equals("records-consumed-total")
            && !metric.getKey().tags().containsKey("topic"))
        .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
        .sum();
  }

  static MessageListenerContainer container(WorkerFixture fixture) {
    return fixture.worker.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(CommandListener.ID);
  }
}
