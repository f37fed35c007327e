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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /**
   * Reply topics whose settings make the broker refuse a reply, whoever writes it: records of at
   * most 100 bytes (a reply is some 300); two replicas in sync needed where there is one, so no
   * write with acks=all can succeed.
   */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({TopicConfig.MAX_MESSAGE_BYTES_CONFIG + ",100", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + ",2"})
  void givenAReplyTopicWhoseSettingsRefuseTheReplyWhenACommandNamesItThenItsReplyGoesToTheRepliesTopic(
      String setting, String value) throws Exception {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST); Admin admin = TestKafka.admin()) {
      // Given
      String refusing = TestKafka.uniqueTopic("refusing");
      admin.createTopics(List.of(new NewTopic(refusing, 1, (short) 1).configs(Map.of(setting, value))))
          .all().get(30, TimeUnit.SECONDS);

      // When
      fixture.send("r", WorkerFixture.command("refused-1", "ref-refused-1"),
          Map.of(MessageHeaders.REPLY_TOPIC, refusing));
      fixture.send("r", WorkerFixture.command("refused-2", "ref-refused-2"));

      // Then
      assertThat(fixture.awaitReply("refused-2").path("status").asString()).isEqualTo("created");
      assertThat(fixture.awaitReply("refused-1").path("status").asString()).isEqualTo("created");
      assertThat(fixture.allDeadLetters()).isEmpty();
    }
  }

  @Test
  void givenACompactedReplyTopicWhenACommandWithoutKeyNamesItThenItsReplyGoesToTheRepliesTopic() throws Exception {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST); Admin admin = TestKafka.admin();
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(plainProducer())) {
      // Given: a compacted topic (as Kafka Connect's are), which takes no record without a key
      String compacted = TestKafka.uniqueTopic("compacted");
      admin.createTopics(List.of(new NewTopic(compacted, 1, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all().get(30, TimeUnit.SECONDS);

      // When: a command without key names it, then another follows on the same partition
      ProducerRecord<byte[], byte[]> keyless = new ProducerRecord<>(fixture.commands, 0, null,
          bytes(WorkerFixture.command("keyless-1", "ref-keyless-1")));
      keyless.headers().add(MessageHeaders.REPLY_TOPIC, bytes(compacted));
      producer.send(keyless).get(30, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(fixture.commands, 0, null,
          bytes(WorkerFixture.command("keyless-2", "ref-keyless-2")))).get(30, TimeUnit.SECONDS);

      // Then
      assertThat(fixture.awaitReply("keyless-2").path("status").asString()).isEqualTo("created");
      assertThat(fixture.awaitReply("keyless-1").path("status").asString()).isEqualTo("created");
      assertThat(fixture.allDeadLetters()).isEmpty();
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

  @Test
  void givenACorrelationIdThatFillsTheRecordWhenItIsRejectedThenItIsDeadLetteredAndTheNextOnItsPartitionIsCreated()
      throws Exception {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(plainProducer())) {
      // Given: a record just under the producer's 1 MiB limit, nearly all of it one kafka_correlationId
      // header, whose echo on a reply would not fit under that limit
      byte[] value = bytes("{\"account\": {}}");
      ProducerRecord<byte[], byte[]> huge = new ProducerRecord<>(fixture.commands, 0, bytes("big-corr"), value);
      huge.headers().add(MessageHeaders.MESSAGE_ID, bytes("big-corr"));
      huge.headers().add(MessageHeaders.CORRELATION_ID, filler(nearLimit(value) - 20));

      // When
      sendBoth(producer, huge, fixture.commands, "big-corr-after");

      // Then: the correlation ID left out of the dead letter, the message ID kept
      ConsumerRecord<byte[], byte[]> dead =
          assertRejectedAsTooLargeWhileTheNextIsCreated(fixture, "big-corr", "big-corr-after");
      assertThat(dead.headers().lastHeader(MessageHeaders.CORRELATION_ID)).as("correlation ID").isNull();
      assertThat(WorkerFixture.header(dead, MessageHeaders.MESSAGE_ID)).isEqualTo("big-corr");
      assertThat(WorkerFixture.header(dead, MessageHeaders.DLT_VALUE_OMITTED))
          .contains("the record's headers left out too: 1 (");
    }
  }

  @Test
  void givenAKeyThatFillsTheRecordWhenItIsRejectedThenItIsDeadLetteredAndTheNextCommandOnItsPartitionIsCreated()
      throws Exception {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(plainProducer())) {
      // Given: a record just under the producer's 1 MiB limit, nearly all of it its key, which a
      // reply and a dead letter would carry too
      byte[] value = bytes("{\"message_id\": \"big-key\", \"account\": {}}");
      ProducerRecord<byte[], byte[]> huge = new ProducerRecord<>(fixture.commands, 0, filler(nearLimit(value)), value);

      // When
      sendBoth(producer, huge, fixture.commands, "big-key-after");

      // Then
      ConsumerRecord<byte[], byte[]> dead =
          assertRejectedAsTooLargeWhileTheNextIsCreated(fixture, "big-key", "big-key-after");
      assertThat(dead.key()).as("the dead letter's key").isNull();
      assertThat(WorkerFixture.header(dead, MessageHeaders.DLT_VALUE_OMITTED))
          .contains("its key of " + nearLimit(value) + " bytes is left out too");
    }
  }

  @Test
  void givenAValidCommandWhoseReplyWouldBeTooLargeWhenItIsCreatedThenItIsDeadLetteredSayingSoAndTheNextIsCreated()
      throws Exception {
    // Given: a limit on commands as high as the producer's (no room left for a reply's extra bytes)
    // and a valid command whose correlation ID fills its record
    try (WorkerFixture fixture = new WorkerFixture("--provisioner.worker.max-command-bytes=1048576");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(plainProducer())) {
      byte[] value = bytes(WorkerFixture.command("big-reply", "ref-big-reply"));
      ProducerRecord<byte[], byte[]> huge = new ProducerRecord<>(fixture.commands, 0, bytes("big-reply"), value);
      huge.headers().add(MessageHeaders.CORRELATION_ID, filler(nearLimit(value)));

      // When
      sendBoth(producer, huge, fixture.commands, "big-reply-after");

      // Then
      assertThat(fixture.awaitReply("big-reply-after").path("status").asString()).isEqualTo("created");
      ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(record -> true, 1).get(0);
      assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-message"))
          .startsWith("unpublishable-reply: its created reply of ")
          .contains("is too large to publish");
      assertThat(WorkerFixture.header(dead, "message-id")).isEqualTo("big-reply");
      assertThat(fixture.allReplies()).extracting(record -> WorkerFixture.header(record, "message-id"))
          .containsExactly("big-reply-after");
    }
  }

  /** Sends {@code huge}, then a valid command to the same partition; the broker acknowledged both. */
  private static void sendBoth(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> huge,
      String topic, String nextId) throws Exception {
    producer.send(huge).get(30, TimeUnit.SECONDS);
    producer.send(new ProducerRecord<>(topic, 0, bytes("after"),
        bytes(WorkerFixture.command(nextId, "ref-" + nextId)))).get(30, TimeUnit.SECONDS);
  }

  private static ConsumerRecord<byte[], byte[]> assertRejectedAsTooLargeWhileTheNextIsCreated(
      WorkerFixture fixture, String hugeMarker, String nextId) {
    assertThat(fixture.awaitReply(nextId).path("status").asString()).isEqualTo("created");
    ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(record -> true, 1).get(0);
    assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-message")).startsWith("too-large: record is ");
    assertThat(WorkerFixture.header(dead, MessageHeaders.DLT_VALUE_OMITTED))
        .contains("the original is at " + fixture.commands + "-0 offset 0");
    assertThat(dead.serializedKeySize() + dead.serializedValueSize() + headerBytes(dead))
        .as("the dead letter's size").isLessThan(100_000);
    assertThat(fixture.allReplies()).as("replies: the next command's only, the huge record's could not be published")
        .extracting(record -> WorkerFixture.header(record, "message-id")).containsExactly(nextId);
    assertThat(fixture.allDeadLetters()).as("dead letters, for " + hugeMarker).hasSize(1);
    return dead;
  }

  /**
   * Bytes that, with {@code value}, make a record just under the producer's default 1 MiB request
   * limit; a reply (a few hundred bytes) carrying them too is over it.
   */
  private static int nearLimit(byte[] value) {
    return 1_048_576 - 200 - value.length;
  }

  private static int headerBytes(ConsumerRecord<?, ?> record) {
    int bytes = 0;
    for (org.apache.kafka.common.header.Header header : record.headers()) {
      bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return bytes;
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) 'c');
    return bytes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Properties plainProducer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  private static Properties compressingProducer() {
    Properties props = plainProducer();
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
