package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records that are not valid commands, mixed into a run: each dead-lettered with its reason. */
class PoisonPillTest {

  private static final int VALID = 1_000;
  private static final int PILLS_PER_KIND = 10;

  @Test
  void givenPoisonPillsMixedIntoARunWhenItRunsThenEachIsDeadLetteredWithItsReasonAndTheOthersAreCreated() {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST)) {
      List<Map.Entry<String, String>> records = new ArrayList<>(FaultInjectionTest.commands(VALID));
      Map<String, String> reasonByMarker = new java.util.HashMap<>();
      for (int i = 0; i < PILLS_PER_KIND; i++) {
        String notJson = marker();
        records.add(Map.entry("pill", "this is not json " + notJson));
        reasonByMarker.put(notJson, "not-json");
        String noId = marker();
        records.add(Map.entry("pill", "{\"account\": {\"external_reference\": \"" + noId + "\"}}"));
        reasonByMarker.put(noId, "no-message-id");
        String invalid = marker();
        records.add(Map.entry("pill", """
            {"message_id": "%s", "account": {"external_reference": "r", "currency": "rand"}}"""
            .formatted(invalid)));
        reasonByMarker.put(invalid, "schema-violation");
      }
      Collections.shuffle(records, new Random(4));
      fixture.sendAll(records);
      fixture.awaitDeadLetters(record -> true, reasonByMarker.size());
      FaultInjectionTest.awaitReplies(fixture, VALID + PILLS_PER_KIND, Duration.ofSeconds(60));

      Figures figures = Figures.of("poison-pills", records.size(), fixture);
      for (Map.Entry<String, String> pill : reasonByMarker.entrySet()) {
        List<ConsumerRecord<byte[], byte[]>> dead = fixture.allDeadLetters().stream()
            .filter(record -> Figures.text(record.value()).contains(pill.getKey())).toList();
        assertThat(dead).as("dead letters of " + pill).hasSize(1);
        assertThat(WorkerFixture.header(dead.get(0), "kafka_dlt-exception-message"))
            .as("reason of " + pill).startsWith(pill.getValue());
      }
      assertThat(figures.deadLetters()).isEqualTo(reasonByMarker.size());
      assertThat(figures.replies("created")).isEqualTo(VALID);
      assertThat(figures.replies("rejected")).as("the invalid ones that have a message ID")
          .isEqualTo(PILLS_PER_KIND);
      assertThat(figures.accounts()).isEqualTo(VALID);
      assertThat(figures.distinctReferences()).isEqualTo(VALID);
      assertThat(figures.duplicateReplies()).isZero();
    }
  }

  private static String marker() {
    return "pill-" + UUID.randomUUID();
  }
}
