package dev.provisioner.worker;

import static dev.provisioner.worker.FaultInjectionTest.assertAllCreatedOnce;
import static dev.provisioner.worker.FaultInjectionTest.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A hot key: one Kafka key with many commands in one batch, on the test broker and a real sandbox
 * with latency. Its commands run one at a time, in offset order; the other keys of the batch do
 * not wait for its chain, and a chain longer than a poll interval allows cannot keep its batch
 * from being committed.
 *
 * <p>The hot key's commands come in pairs: the first creates a customer, the second opens an
 * account for that customer by its reference. The second is created only if the first had
 * finished when it was called, so every pair created shows the key's order held.
 */
class HotKeyTest {

  @Test
  void givenAHotKeyAheadOfOtherKeysInABatchWhenTheyRunThenTheOtherKeysFinishBeforeHalfOfItsChain() {
    // Given an API answering in 200 ms and 16 commands in flight; one batch (one transaction, one
    // partition) of 60 commands of one key followed by 60 commands of 60 other keys
    try (WorkerFixture fixture = new WorkerFixture(List.of("--sandbox.faults.latency-ms=200"),
        "--provisioner.worker.in-flight=16")) {
      List<Map.Entry<String, String>> batch = new ArrayList<>(hotKeyPairs(30));
      batch.addAll(coldKeys(60));

      // When they run
      sendInOneTransaction(fixture, batch);

      // Then by the time the 60 other keys' accounts exist, fewer than half of the hot key's do:
      // before, each queued command of the hot key held a permit, so the others started only once
      // 45 of the hot key's 60 had been called, one at a time
      JsonNode accounts = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
          .until(() -> fixture.sandboxJson("/_sandbox/accounts"), all -> withPrefix(all, "cold-") == 60);
      assertThat(withPrefix(accounts, "hot-")).as("hot key's accounts when the other keys' were all created")
          .isLessThan(30);
      awaitReplies(fixture, 120, Duration.ofSeconds(120));
      assertAllCreatedOnce(Figures.of("hot-key-ahead", 120, fixture), 120);
    }
  }

  @Test
  void givenAHotKeyWhoseChainOutlastsThePollIntervalWhenItsCommandsRunThenAllAreCreatedOnceInKeyOrder() {
    // Given an API answering in 300 ms, 48 commands in flight, and a consumer Kafka drops after 12 s
    // without a poll (batches start commands for 3.5 s); one batch of 60 commands of one key
    // followed by 40 commands of other keys
    try (WorkerFixture fixture = new WorkerFixture(List.of("--sandbox.faults.latency-ms=300"),
        "--spring.kafka.consumer.properties.max.poll.interval.ms=12000",
        "--provisioner.resilience.max-batch-wait=5s", "--provisioner.worker.in-flight=48")) {
      List<Map.Entry<String, String>> batch = new ArrayList<>(hotKeyPairs(30));
      batch.addAll(coldKeys(40));

      // When they run
      sendInOneTransaction(fixture, batch);

      // Then all are created once, each pair in order, with one reply each: before, the batch cut
      // still had to wait for up to 48 queued commands of the hot key, 300 ms each, longer than the
      // poll interval; Kafka dropped the consumer, the batch was rolled back and redone forever
      awaitReplies(fixture, 100, Duration.ofSeconds(180));
      assertAllCreatedOnce(Figures.of("hot-key-chain", 100, fixture), 100);
      // and the API was called once per command: the other keys' commands that finished past the
      // cut were answered on their redelivery from the outcomes kept; before, each was called again
      // at every cut and replayed by the API (300 calls for the 100 commands)
      JsonNode stats = fixture.sandboxJson("/_sandbox/stats");
      assertThat(stats.path("by_endpoint").path("POST /billing/accounts").asLong()).as("account calls").isEqualTo(100);
      assertThat(stats.path("events").path("replayed").asLong()).as("replays").isZero();
    }
  }

  /** Pairs of commands of key {@code hot}: a new customer, then an account for that customer. */
  private static List<Map.Entry<String, String>> hotKeyPairs(int pairs) {
    List<Map.Entry<String, String>> commands = new ArrayList<>(pairs * 2);
    for (int i = 0; i < pairs; i++) {
      String customer = "cus-hot-" + UUID.randomUUID();
      String first = UUID.randomUUID().toString();
      String second = UUID.randomUUID().toString();
      commands.add(Map.entry("hot", WorkerFixture.command(first, "hot-" + first, customer)));
      commands.add(Map.entry("hot", """
          {"message_id": "%s", "account": {"external_reference": "hot-%s", "name": "Second Account",
           "currency": "ZAR", "balance": 2000, "customer": "%s"}}""".formatted(second, second, customer)));
    }
    return commands;
  }

  private static List<Map.Entry<String, String>> coldKeys(int count) {
    List<Map.Entry<String, String>> commands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      commands.add(Map.entry("cold-" + i, WorkerFixture.command(id, "cold-" + id)));
    }
    return commands;
  }

  /** One transaction to one partition: the worker sees all the records at once, in one batch. */
  private static void sendInOneTransaction(WorkerFixture fixture, List<Map.Entry<String, String>> records) {
    try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(TestKafka.bootstrapServers(),
        "hot-key-" + UUID.randomUUID())) {
      producer.beginTransaction();
      records.forEach(record -> producer.send(
          new ProducerRecord<>(fixture.commands, 0, record.getKey(), record.getValue())));
      producer.commitTransaction();
    }
  }

  private static long withPrefix(JsonNode accounts, String prefix) {
    long count = 0;
    for (JsonNode account : accounts) {
      if (account.path("external_reference").asString().startsWith(prefix)) {
        count++;
      }
    }
    return count;
  }
}
