package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What the README's "Headers, and producers that are not Java" promises upstream producers:
 * repeated headers, the reply partition, and producer transactions, against a real broker and the
 * sandbox.
 */
class ProducerHeadersTest {

  @AutoClose
  private static final WorkerFixture fixture = new WorkerFixture();

  @Test
  void aHeaderGivenTwiceCountsWithItsLastValue() {
    // Given a command whose message ID and correlation ID headers are each given twice
    String first = unique("first");
    String last = unique("last");
    ProducerRecord<byte[], byte[]> record = fixture.record("twice",
        "{\"account\": {\"external_reference\": \"" + unique("ref") + "\", \"customer\": \"" + unique("cus") + "\"}}");
    record.headers().add(MessageHeaders.MESSAGE_ID, bytes(first)).add(MessageHeaders.MESSAGE_ID, bytes(last))
        .add(MessageHeaders.CORRELATION_ID, bytes("c-" + first)).add(MessageHeaders.CORRELATION_ID, bytes("c-" + last));

    // When
    fixture.send(record);

    // Then
    ConsumerRecord<byte[], byte[]> reply = fixture.awaitReplies(last, 1).get(0);
    assertThat(WorkerFixture.value(reply).path("message_id").asString()).isEqualTo(last);
    assertThat(reply.headers().headers(MessageHeaders.CORRELATION_ID)).extracting(Header::value)
        .containsExactly(bytes("c-" + last));
  }

  @Test
  void aFourByteReplyPartitionPutsTheReplyOnThatPartitionAndATextOneIsIgnored() {
    // Given commands whose key alone would place their replies on partition 0 of 3
    String key = keyOnPartitionZero();
    String asInt = unique("int");
    String asText = unique("text");
    ProducerRecord<byte[], byte[]> intPartition = fixture.record(key, WorkerFixture.command(asInt, unique("ref")));
    intPartition.headers().add(KafkaHeaders.REPLY_PARTITION, ByteBuffer.allocate(4).putInt(2).array());
    ProducerRecord<byte[], byte[]> textPartition = fixture.record(key, WorkerFixture.command(asText, unique("ref")));
    textPartition.headers().add(KafkaHeaders.REPLY_PARTITION, bytes("2"));

    // When
    fixture.send(intPartition);
    fixture.send(textPartition);

    // Then
    assertThat(fixture.awaitReplies(asInt, 1).get(0).partition()).isEqualTo(2);
    assertThat(fixture.awaitReplies(asText, 1).get(0).partition()).isZero();
  }

  @Test
  void theCommandsOfAnAbortedProducerTransactionAreNeverProcessed() {
    // Given
    String aborted = unique("aborted");
    String committed = unique("committed");
    try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(
        TestKafka.bootstrapServers(), unique("tx"))) {
      // When one transaction is aborted, then another on the same partition committed
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(fixture.commands, "tx", WorkerFixture.command(aborted, unique("ref"))));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(fixture.commands, "tx", WorkerFixture.command(committed, unique("ref"))));
      producer.commitTransaction();
    }

    // Then: the later command is answered, and the aborted one, before it, never was
    assertThat(fixture.awaitReply(committed).path("status").asString()).isEqualTo("created");
    assertThat(fixture.allReplies()).noneMatch(reply -> aborted.equals(WorkerFixture.header(reply, "message-id")));
  }

  private static String keyOnPartitionZero() {
    for (int i = 0; ; i++) {
      String key = "p0-" + i;
      if (Utils.toPositive(Utils.murmur2(bytes(key))) % 3 == 0) {
        return key;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
