package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Outcomes the broker would refuse to take (a reply to a topic that cannot have it, a dead letter
 * over the size limit) are published where they can be, instead of failing the batch's
 * transaction on every redelivery and stalling the partitions behind them.
 */
class UnpublishableOutcomeTest {

  @Test
  void givenReplyTopicsTheBrokerWouldRefuseWhenCommandsNameThemThenTheirRepliesGoToTheRepliesTopic() {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST)) {
      // Given
      String missing = "no-such-replies-" + UUID.randomUUID();
      List<String> topics = List.of("..", "__consumer_offsets", "bad topic!", fixture.commands,
          fixture.deadLetters, missing);

      // When
      for (int i = 0; i < topics.size(); i++) {
        fixture.send("rt-" + i, WorkerFixture.command("rt-" + i, "ref-rt-" + i),
            Map.of(MessageHeaders.REPLY_TOPIC, topics.get(i)));
      }
      fixture.send("after", WorkerFixture.command("rt-after", "ref-rt-after"));

      // Then
      assertThat(fixture.awaitReply("rt-after").path("status").asString()).isEqualTo("created");
      for (int i = 0; i < topics.size(); i++) {
        List<ConsumerRecord<byte[], byte[]>> replies = fixture.awaitReplies("rt-" + i, 1);
        assertThat(replies).as("replies to a command naming " + topics.get(i)).hasSize(1);
        assertThat(WorkerFixture.value(replies.get(0)).path("status").asString())
            .as("status for " + topics.get(i)).isEqualTo("created");
      }
      assertThat(fixture.allDeadLetters()).as("dead letters, forged ones included").isEmpty();
      assertThat(topicNames()).as("topics after the run").doesNotContain(missing);
    }
  }

  @Test
  void givenACommandTooLargeToDeadLetterWhenItIsRejectedThenItsDeadLetterHasNoValueAndTheNextCommandIsCreated()
      throws Exception {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST);
        KafkaProducer<byte[], byte[]> compressing = new KafkaProducer<>(compressingProducer())) {
      // Given: 3 MB that compress to far less than the broker's 1 MiB limit
      byte[] huge = ("{\"message_id\": \"huge-1\", \"account\": {\"external_reference\": \"x\", \"name\": \""
          + "a".repeat(3_000_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
      compressing.send(new ProducerRecord<>(fixture.commands, "huge".getBytes(StandardCharsets.UTF_8), huge))
          .get(30, TimeUnit.SECONDS);

      // When
      fixture.send("after", WorkerFixture.command("huge-after", "ref-huge-after"));

      // Then
      assertThat(fixture.awaitReply("huge-after").path("status").asString()).isEqualTo("created");
      ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(record -> true, 1).get(0);
      assertThat(dead.value()).as("the dead letter's value").isNull();
      assertThat(WorkerFixture.header(dead, MessageHeaders.DLT_VALUE_OMITTED))
          .contains("the value of " + huge.length + " bytes is too large for a dead letter")
          .contains("the original is at " + fixture.commands + "-");
      assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-message")).startsWith("too-large");
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("huge");
    }
  }

  private static Properties compressingProducer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    return props;
  }

  private static java.util.Set<String> topicNames() {
    try (Admin admin = TestKafka.admin()) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }
}
