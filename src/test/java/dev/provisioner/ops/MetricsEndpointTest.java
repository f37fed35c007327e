package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a platform team scrapes and probes: {@code /actuator/prometheus} and {@code /actuator/health}. */
class MetricsEndpointTest {

  private static final Pattern LAG =
      Pattern.compile("provisioner_consumer_lag\\{[^}]*partition=\"[01]\"");

  private static InProcessWorker worker;

  @BeforeAll
  static void processSomeCommands() {
    worker = new InProcessWorker();
    worker.send("m-ok", InProcessWorker.command("m-ok"));
    worker.send("m-bad", "{\"message_id\": \"m-bad\", \"account\": {}}");
    worker.awaitReplies(2);
  }

  @AfterAll
  static void stop() {
    worker.close();
  }

  @Test
  void prometheusShowsCommandsByOutcomeAndApiLatencyByStatus() throws Exception {
    // Given a worker that created one account and rejected one invalid command
    // When Prometheus scrapes it
    String scrape = worker.get("/actuator/prometheus");

    // Then the provisioner_ metrics count them, the API call is in the latency histogram, and no
    // client rate limit is in force (the API answered no 429)
    assertThat(scrape).contains("provisioner_commands_total{outcome=\"created\"} 1.0",
        "provisioner_commands_total{outcome=\"rejected\"} 1.0",
        "provisioner_dead_letters_total 1.0",
        "provisioner_api_requests_seconds_bucket{operation=\"create\",status=\"201\"",
        "provisioner_commands_in_flight ", "provisioner_api_retries_total 0.0",
        "provisioner_api_rate_limit 0.0");
  }

  @Test
  void prometheusShowsTheBreakerAndTheConsumerLagPerPartition() throws Exception {
    // Given a worker that has consumed commands
    // When Prometheus scrapes it (Micrometer binds new Kafka client metrics once a minute)
    String scrape = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
        .until(() -> worker.get("/actuator/prometheus"), text -> LAG.matcher(text).find());

    // Then resilience4j's breaker state and Kafka's per-partition lag are there
    assertThat(scrape).contains("resilience4j_circuitbreaker_state{", "resilience4j_retry_calls_total{");
    assertThat(scrape).containsPattern(LAG);
  }

  @Test
  void healthShowsTheBreakerAndWhetherConsumptionIsPaused() throws Exception {
    // Given a running worker
    // When its health is probed
    JsonNode health = JsonMapper.builder().build().readTree(worker.get("/actuator/health"));

    // Then it is UP: Kafka answers, the API is reachable, the breaker is closed and not paused
    JsonNode components = health.path("components");
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
    assertThat(components.path("momentApi").path("details").path("reachable").asBoolean()).isTrue();
    assertThat(components.path("workerStatus").path("details").path("breaker").asString()).isEqualTo("CLOSED");
    assertThat(components.path("workerStatus").path("details").path("paused").asBoolean()).isFalse();
  }

  @Test
  void kubernetesProbesSayLiveFromTheProcessAloneAndReadyOnceKafkaAnswers() throws Exception {
    // Given a running worker
    // When Kubernetes probes it
    JsonNode liveness = JsonMapper.builder().build().readTree(worker.get("/actuator/health/liveness"));
    JsonNode readiness = JsonMapper.builder().build().readTree(worker.get("/actuator/health/readiness"));

    // Then both are UP; liveness does not depend on Kafka or the API, readiness includes Kafka
    assertThat(liveness.path("status").asString()).as(liveness.toString()).isEqualTo("UP");
    assertThat(liveness.path("components").has("kafka")).as(liveness.toString()).isFalse();
    assertThat(readiness.path("status").asString()).as(readiness.toString()).isEqualTo("UP");
    assertThat(readiness.path("components").path("kafka").path("status").asString())
        .as(readiness.toString()).isEqualTo("UP");
  }
}
