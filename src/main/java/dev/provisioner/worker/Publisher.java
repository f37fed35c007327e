package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a record's outcome: its reply, to the topic {@link ReplyTopics} picks, keyed like the
 * command, with {@code message-id} and the correlation ID echoed; and its dead letter through spring-kafka's {@link DeadLetterPublishingRecoverer}.
 */
final class Publisher {

  private final KafkaTemplate<byte[], byte[]> template;
  private final DeadLetterPublishingRecoverer deadLetters;
  private final JsonMapper mapper;
  private final ReplyTopics replyTopics;
  private final WorkerMetrics metrics;
  private final long maxRecordBytes;

  /**
   * @param maxRecordBytes the largest reply, value, key and headers, the producer can send
   */
  Publisher(KafkaTemplate<byte[], byte[]> template, DeadLetterPublishingRecoverer deadLetters,
      JsonMapper mapper, ReplyTopics replyTopics, WorkerMetrics metrics, long maxRecordBytes) {
    this.template = template;
    this.deadLetters = deadLetters;
    this.mapper = mapper;
    this.replyTopics = replyTopics;
    this.metrics = metrics;
    this.maxRecordBytes = maxRecordBytes;
  }

  void publish(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
    Outcome published = withReplySent(record, outcome);
    if (published instanceof Outcome.DeadLettered dead) {
      deadLetters.accept(record, null, dead.reason());
    }
    metrics.published(published);
    OutcomeLog.published(record, published);
  }

  /**
   * Sends the outcome's reply when it fits under the producer's limit. One that does not (the
   * command's key or correlation ID fill it) would fail the batch's transaction on every
   * redelivery; it is left out, and the record is dead-lettered saying so.
   */
  private Outcome withReplySent(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
    Reply reply = outcome instanceof Outcome.Answered answered
        ? answered.reply()
        : ((Outcome.DeadLettered) outcome).reply();
    if (reply == null) {
      return outcome;
    }
    ProducerRecord<byte[], byte[]> replyRecord = replyRecord(record, reply);
    long size = replyRecord.value().length + RecordBytes.keyAndHeaders(replyRecord.key(), replyRecord.headers());
    if (size <= maxRecordBytes) {
      template.send(replyRecord);
      return outcome;
    }
    if (outcome instanceof Outcome.DeadLettered dead) {
      // Its reason says why already: a record this large was rejected as too large.
      return new Outcome.DeadLettered(null, dead.reason());
    }
    String why = "unpublishable-reply: its " + reply.status().name().toLowerCase(Locale.ROOT) + " reply of "
        + size + " bytes with the command's key and headers is too large to publish (at most "
        + maxRecordBytes + " bytes)";
    return new Outcome.DeadLettered(null, new CommandFailedException(why, reply.messageId()));
  }

  private ProducerRecord<byte[], byte[]> replyRecord(ConsumerRecord<byte[], byte[]> command, Reply reply) {
    RecordHeaders headers = new RecordHeaders();
    if (reply.messageId() != null) {
      headers.add(MessageHeaders.MESSAGE_ID, reply.messageId().getBytes(StandardCharsets.UTF_8));
    }
    Header correlation = command.headers().lastHeader(MessageHeaders.CORRELATION_ID);
    if (correlation != null) {
      headers.add(MessageHeaders.CORRELATION_ID, correlation.value());
    }
    byte[] value = mapper.writeValueAsBytes(reply);
    String topic = replyTopics.forReply(command, value.length + RecordBytes.keyAndHeaders(command.key(), headers));
    return new ProducerRecord<>(topic, replyPartition(command, topic), command.key(), value, headers);
  }

  /** The requested reply partition when it exists; a bad one must not fail the transaction. */
  private @Nullable Integer replyPartition(ConsumerRecord<?, ?> command, String topic) {
    Header header = command.headers().lastHeader(KafkaHeaders.REPLY_PARTITION);
    if (header == null || header.value() == null || header.value().length != Integer.BYTES) {
      return null;
    }
    int partition = ByteBuffer.wrap(header.value()).getInt();
    return partition >= 0 && partition < template.partitionsFor(topic).size() ? partition : null;
  }
}
