package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * spring-kafka's dead-letter recoverer with one change: a dead letter too large to publish goes
 * without its value.
 *
 * <p>Dead letters are published inside the batch's transaction. One the producer or broker
 * refuses as too large (a command near or over the size limit, plus the {@code kafka_dlt-*}
 * headers; or a compressed command far larger than the limit once decompressed) would roll the
 * batch back on every redelivery and stall its partitions for good. Such a dead letter keeps its
 * key and headers and gets {@value MessageHeaders#DLT_VALUE_OMITTED}, which says how large the value was and where
 * the original still is; {@code dlt replay} skips it. Commands up to {@code
 * provisioner.worker.max-command-bytes} (default 1,000,000) fit with room to spare, so only
 * records that were rejected as too large lose their value here.
 */
final class BoundedDeadLetters extends DeadLetterPublishingRecoverer {

  /** Room for the record batch's own framing within the producer's request limit. */
  static final int FRAMING = 1_024;

  private final int maxRecordBytes;

  /**
   * @param maxRequestBytes the producer's {@code max.request.size}
   */
  BoundedDeadLetters(KafkaOperations<?, ?> template,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination, int maxRequestBytes) {
    super(template, destination);
    this.maxRecordBytes = maxRequestBytes - FRAMING;
  }

  /**
   * {@code key} and {@code value} are the undeserialized data of a deserialization failure, null
   * otherwise (this worker reads bytes, so they are null); the record's own are used then.
   */
  @Override
  protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
      TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
    ProducerRecord<Object, Object> letter = super.createProducerRecord(record, topicPartition, headers, key, value);
    if (!(letter.value() instanceof byte[] bytes) || size(letter, bytes) <= maxRecordBytes) {
      return letter;
    }
    String why = "the value of " + bytes.length + " bytes is too large for a dead letter (at most "
        + maxRecordBytes + " bytes with its headers); the original is at " + record.topic() + "-"
        + record.partition() + " offset " + record.offset();
    headers.add(MessageHeaders.DLT_VALUE_OMITTED, why.getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(letter.topic(), letter.partition(), letter.key(), null, headers);
  }

  static long size(ProducerRecord<?, ?> letter, byte[] value) {
    long size = value.length + (letter.key() instanceof byte[] key ? key.length : 0);
    for (Header header : letter.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length) + 8;
    }
    return size;
  }
}
