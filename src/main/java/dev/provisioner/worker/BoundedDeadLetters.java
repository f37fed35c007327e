package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * spring-kafka's dead-letter recoverer with one change: a dead letter too large to publish goes
 * without its value, and if need be without its key and the record's headers.
 *
 * <p>Dead letters are published inside the batch's transaction. One the producer or broker
 * refuses as too large (a command near or over the size limit, plus the {@code kafka_dlt-*}
 * headers; or a compressed command far larger than the limit once decompressed) would roll the
 * batch back on every redelivery and stall its partitions for good. Such a dead letter keeps its
 * key and headers and gets {@value MessageHeaders#DLT_VALUE_OMITTED}, which says how large the value was and where
 * the original still is; {@code dlt replay} skips it. When the key or the record's own headers
 * fill the limit by themselves (a huge {@code kafka_correlationId}, say), they are left out too,
 * largest first, until the rest fits; the headers the recoverer added stay. Records up to {@code
 * provisioner.worker.max-command-bytes} (default 1,000,000, key and headers included) fit with
 * room to spare, so only records that were rejected as too large lose anything here.
 */
final class BoundedDeadLetters extends DeadLetterPublishingRecoverer {

  /** Room for the record batch's own framing within the producer's request limit. */
  static final int FRAMING = 1_024;

  /** Room for the note on a dead letter that goes without its value. */
  private static final int NOTE = 512;

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
    Shrunk shrunk = shrink(record, headers, letter.key());
    String why = "the value of " + bytes.length + " bytes is too large for a dead letter (at most "
        + maxRecordBytes + " bytes with its key and headers)" + shrunk.alsoLeftOut() + "; the original is at "
        + record.topic() + "-" + record.partition() + " offset " + record.offset();
    shrunk.headers().add(MessageHeaders.DLT_VALUE_OMITTED, why.getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(letter.topic(), letter.partition(), shrunk.key(), null, shrunk.headers());
  }

  /** What is left of a dead letter without its value, and what else had to go. */
  private record Shrunk(@Nullable Object key, Headers headers, String alsoLeftOut) {
  }

  /**
   * Without the value, leaves out the key and the record's own headers, largest first, until the
   * rest fits with room for the note; the headers the recoverer added always stay.
   */
  private Shrunk shrink(ConsumerRecord<?, ?> record, Headers headers, @Nullable Object key) {
    List<Header> own = new ArrayList<>(Arrays.asList(record.headers().toArray()));
    own.sort(Comparator.comparingLong(RecordBytes::of).reversed());
    Set<Header> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    long keyBytes = key instanceof byte[] bytes ? bytes.length : 0;
    long size = RecordBytes.keyAndHeaders(key, headers) + NOTE;
    boolean keyDropped = keyBytes == 0;
    for (int i = 0; size > maxRecordBytes && (i < own.size() || !keyDropped); ) {
      if (!keyDropped && (i == own.size() || keyBytes >= RecordBytes.of(own.get(i)))) {
        keyDropped = true;
        size -= keyBytes;
      } else {
        size -= RecordBytes.of(own.get(i));
        dropped.add(own.get(i++));
      }
    }
    RecordHeaders kept = new RecordHeaders();
    headers.forEach(header -> {
      if (!dropped.contains(header)) {
        kept.add(header);
      }
    });
    String also = (keyDropped && keyBytes > 0 ? "; its key of " + keyBytes + " bytes is left out too" : "")
        + (dropped.isEmpty() ? "" : "; the record's headers left out too: " + dropped.size() + " ("
            + dropped.stream().mapToLong(RecordBytes::of).sum() + " bytes)");
    return new Shrunk(keyDropped ? null : key, kept, also);
  }

  static long size(ProducerRecord<?, ?> letter, byte[] value) {
    return value.length + RecordBytes.keyAndHeaders(letter.key(), letter.headers());
  }
}
