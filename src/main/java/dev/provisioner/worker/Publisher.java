package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a record's outcome: its reply, to the command's {@code kafka_replyTopic} or the
 * replies topic, keyed like the command, with {@code message-id} and the correlation ID echoed;
 * and its dead letter through spring-kafka's {@link DeadLetterPublishingRecoverer}.
 */
final class Publisher {

  /** Kafka's legal topic names; a reply topic header that is not one is ignored. */
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final KafkaTemplate<byte[], byte[]> template;
  private final DeadLetterPublishingRecoverer deadLetters;
  private final JsonMapper mapper;
  private final String repliesTopic;
  private final WorkerMetrics metrics;

  Publisher(KafkaTemplate<byte[], byte[]> template, DeadLetterPublishingRecoverer deadLetters,
      JsonMapper mapper, String repliesTopic, WorkerMetrics metrics) {
    this.template = template;
    this.deadLetters = deadLetters;
    this.mapper = mapper;
    this.repliesTopic = repliesTopic;
    this.metrics = metrics;
  }

  void publish(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
    Reply reply = outcome instanceof Outcome.Answered answered
        ? answered.reply()
        : ((Outcome.DeadLettered) outcome).reply();
    if (reply != null) {
      template.send(replyRecord(record, reply));
    }
    if (outcome instanceof Outcome.DeadLettered dead) {
      deadLetters.accept(record, null, dead.reason());
    }
    metrics.published(outcome);
    OutcomeLog.published(record, outcome);
  }

  private ProducerRecord<byte[], byte[]> replyRecord(ConsumerRecord<byte[], byte[]> command, Reply reply) {
    String topic = replyTopic(command);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
        replyPartition(command, topic), command.key(), mapper.writeValueAsBytes(reply));
    if (reply.messageId() != null) {
      record.headers().add(MessageHeaders.MESSAGE_ID, reply.messageId().getBytes(StandardCharsets.UTF_8));
    }
    Header correlation = command.headers().lastHeader(MessageHeaders.CORRELATION_ID);
    if (correlation != null) {
      record.headers().add(MessageHeaders.CORRELATION_ID, correlation.value());
    }
    return record;
  }

  private String replyTopic(ConsumerRecord<?, ?> command) {
    Header header = command.headers().lastHeader(MessageHeaders.REPLY_TOPIC);
    if (header == null || header.value() == null) {
      return repliesTopic;
    }
    String topic = new String(header.value(), StandardCharsets.UTF_8);
    return TOPIC_NAME.matcher(topic).matches() ? topic : repliesTopic;
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
