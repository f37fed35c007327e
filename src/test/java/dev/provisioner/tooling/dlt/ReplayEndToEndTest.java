package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.TestKafka;
import dev.provisioner.worker.WorkerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Transient failures dead-lettered by a real worker, replayed once the sandbox recovers. */
class ReplayEndToEndTest {

  private WorkerFixture fixture;
  private final String parking = TestKafka.uniqueTopic("parked");

  @BeforeEach
  void startWorker() {
    fixture = new WorkerFixture("--provisioner.resilience.max-attempts=2",
        "--provisioner.resilience.initial-backoff=10ms");
  }

  @AfterEach
  void stopWorker() {
    fixture.close();
  }

  @Test
  void transientFailuresReplayedAfterTheApiRecoversEndCreatedWithNoDuplicateAndASecondRunReplaysNothing()
      throws Exception {
    // Given three commands dead-lettered while the API fails
    faults("{\"failure_rate\": 1.0, \"failure_status\": 503}");
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = List.of("m1-" + run, "m2-" + run, "m3-" + run);
    for (String id : ids) {
      fixture.send(id, WorkerFixture.command(id, "ref-" + id));
    }
    for (String id : ids) {
      assertThat(fixture.awaitReply(id).path("status").asString()).isEqualTo("failed");
    }
    fixture.awaitDeadLetters(record -> new String(record.value()).contains(run), 3);
    faults("{}");

    // When
    CliRun first = replay();

    // Then
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("3 replayed, 0 parked");
    for (String id : ids) {
      List<ConsumerRecord<byte[], byte[]>> replies = fixture.awaitReplies(id, 2);
      assertThat(WorkerFixture.value(replies.get(1)).path("status").asString()).isEqualTo("created");
    }
    JsonNode accounts = fixture.sandboxJson("/_sandbox/accounts");
    for (String id : ids) {
      assertThat(accounts.findValuesAsString("external_reference")).containsOnlyOnce("ref-" + id);
    }

    // When run again
    CliRun second = replay();

    // Then
    assertThat(second.out()).as(second.toString()).contains("0 replayed, 0 parked, 0 skipped");
  }

  @Test
  void aPoisonRecordThatFailsAgainAfterEachReplayIsParkedPastTheMaximum() {
    // Given a record the worker dead-letters every time
    String marker = "poison-" + UUID.randomUUID();
    fixture.send("poison-key", "not json " + marker);
    fixture.awaitDeadLetters(record -> new String(record.value()).contains(marker), 1);

    // When replayed once (back to the dead-letter topic), then again past --max-replays=1
    CliRun first = replay("--max-replays=1");
    fixture.awaitDeadLetters(record -> new String(record.value()).contains(marker), 2);
    CliRun second = replay("--max-replays=1");

    // Then
    assertThat(first.out()).as(first.toString()).contains("1 replayed, 0 parked");
    assertThat(second.out()).as(second.toString()).contains("0 replayed, 1 parked");
    List<ConsumerRecord<byte[], byte[]>> parked = DeadLetterTopic.read(parking);
    assertThat(parked).hasSize(1);
    assertThat(DeadLetterTopic.header(parked.get(0), "replay-count")).isEqualTo("2");
  }

  private CliRun replay(String... options) {
    String port = fixture.worker.getEnvironment().getProperty("local.server.port");
    List<String> args = new ArrayList<>(List.of("dlt", "replay",
        "--bootstrap-servers=" + TestKafka.bootstrapServers(), "--dlt-topic=" + fixture.deadLetters,
        "--worker-url=http://localhost:" + port, "--group-id=" + fixture.deadLetters + "-replay",
        "--parking-topic=" + parking, "--audit-topic=" + TestKafka.uniqueTopic("audit")));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void faults(String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fixture.sandbox.baseUrl() + "/_sandbox/faults"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
