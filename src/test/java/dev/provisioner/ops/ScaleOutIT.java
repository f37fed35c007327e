package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged workers in one consumer group share the command partitions: while the second
 * joins and the first leaves, every command is answered once and no account is created twice.
 */
class ScaleOutIT {

  private static final String KEY = "sk_test_scaleOutKey6Tn4Ws";
  private static final int PER_PHASE = 60;

  @TempDir
  private Path logs;

  private final String commands = TestKafka.uniqueTopic("scale-commands");
  private final String replies = TestKafka.uniqueTopic("scale-replies");
  private final String deadLetters = TestKafka.uniqueTopic("scale-dlt");

  @Test
  void everyCommandIsAnsweredOnceWithNoDuplicateAccountWhileAWorkerJoinsAndOneLeaves() throws Exception {
    TestKafka.createTopics(6, commands, replies, deadLetters);
    String firstLog;
    String secondLog;
    try (Sandbox sandbox = Sandbox.start("--sandbox.api-key=" + KEY)) {
      // Given one worker processing commands
      try (JarProcess first = worker(sandbox)) {
        sendPhase(0);
        awaitAnswered(PER_PHASE);
        // When a second worker joins the group while commands flow
        try (JarProcess second = worker(sandbox)) {
          sendPhase(1);
          second.awaitOutput("worker ready", Duration.ofSeconds(180));
          sendPhase(2);
          // and the first leaves while commands flow
          assertThat(first.terminate(Duration.ofSeconds(90))).as(first.toString()).isIn(0, 130, 143);
          sendPhase(3);
          awaitAnswered(4 * PER_PHASE);
          secondLog = second.stdout();
        }
        firstLog = first.stdout();
      }

      // Then every command has exactly one committed reply, created, and one account each
      Map<String, Long> repliesPerId = committedReplies().stream()
          .collect(Collectors.groupingBy(record -> header(record, "message-id"), Collectors.counting()));
      assertThat(repliesPerId).hasSize(4 * PER_PHASE).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
      assertThat(committedReplies()).allSatisfy(record ->
          assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"status\":\"created\""));
      assertThat(accountCount(sandbox)).isEqualTo(4 * PER_PHASE);
      assertThat(firstLog).contains("command answered");
      assertThat(secondLog).contains("command answered");
    }
  }

  private JarProcess worker(Sandbox sandbox) {
    return JarProcess.start(logs, "worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + commands,
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + KEY,
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + deadLetters,
        // answered commands are logged at DEBUG: the test reads them to see who processed what
        "--logging.level.dev.provisioner.worker.OutcomeLog=DEBUG");
  }

  private void sendPhase(int phase) {
    try (KafkaProducer<String, String> producer = TestClients.producer(TestKafka.bootstrapServers())) {
      TestClients.sendAcknowledged(producer, java.util.stream.IntStream.range(0, PER_PHASE)
          .mapToObj(i -> "scale-" + phase + "-" + i)
          .map(id -> new ProducerRecord<>(commands, id, SecretLeakIT.command(id)))
          .toList());
    }
  }

  private void awaitAnswered(int count) {
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
        .until(() -> committedReplies().stream().map(record -> header(record, "message-id")).distinct().count(),
            answered -> answered >= count);
  }

  private List<ConsumerRecord<byte[], byte[]>> committedReplies() {
    return TopicDump.records(TestKafka.bootstrapServers(), replies, "read_committed");
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static long accountCount(Sandbox sandbox) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/accounts/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    return Long.parseLong(response.body().replaceAll("[^0-9]", ""));
  }
}
