package dev.provisioner.tooling.dlt;

import dev.provisioner.tooling.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters back where they came from, or to the parking topic, with an idempotent
 * producer; each send is acknowledged before the replay's progress moves past the record.
 */
final class Republisher implements AutoCloseable {

  /** On a parked record: the topic that refused it for good, and the broker's reason. */
  static final String REFUSED = "provisioner-dlt-replay-refused";

  private final KafkaClients kafka;
  private final KafkaProducer<byte[], byte[]> producer;

  Republisher(KafkaClients kafka) {
    this.kafka = kafka;
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(kafka.producer(props));
  }

  /**
   * The original key, value and headers to {@code topic}, with {@code replay-count} set to
   * {@code replayCount}; the {@code kafka_dlt-*} headers are dropped unless {@code keepDltHeaders}
   * (a parked record keeps them, to show why it failed).
   */
  void send(DeadLetter letter, String topic, int replayCount, boolean keepDltHeaders) {
    await(sendAsync(letter, topic, replayCount, keepDltHeaders), topic);
  }

  /** As {@link #send}, without waiting: the future ends when the broker acknowledged or refused. */
  java.util.concurrent.Future<?> sendAsync(DeadLetter letter, String topic, int replayCount,
      boolean keepDltHeaders) {
    return producer.send(record(letter, topic, replayCount, keepDltHeaders));
  }

  /**
   * Parks a dead letter whose original topic refused it for good, with its {@code kafka_dlt-*}
   * headers and a {@value #REFUSED} header saying which topic refused it and why, and waits for the
   * acknowledgement.
   */
  void parkRefused(DeadLetter letter, String parkingTopic, int replayCount, String refusal) {
    ProducerRecord<byte[], byte[]> record = record(letter, parkingTopic, replayCount, true);
    record.headers().remove(REFUSED);
    record.headers().add(REFUSED, refusal.getBytes(StandardCharsets.UTF_8));
    await(producer.send(record), parkingTopic);
  }

  private static ProducerRecord<byte[], byte[]> record(DeadLetter letter, String topic,
      int replayCount, boolean keepDltHeaders) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
        letter.record().key(), letter.record().value());
    for (Header header : letter.record().headers()) {
      boolean dlt = header.key().startsWith(DeadLetter.DLT_HEADER_PREFIX);
      if ((keepDltHeaders || !dlt) && !header.key().equals(DeadLetter.REPLAY_COUNT)) {
        record.headers().add(header.key(), header.value());
      }
    }
    record.headers().add(DeadLetter.REPLAY_COUNT,
        Integer.toString(replayCount).getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /**
   * Whether a send failed for a reason no later run can change by itself: the topic's name is not
   * valid, or the record is too large or malformed for it. Everything else (authorization, a
   * topic that does not exist, time-outs) may be set right by an operator, and stops the run.
   */
  static boolean refusedForGood(Throwable refused) {
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidTopicException || cause instanceof RecordTooLargeException
          || cause instanceof RecordBatchTooLargeException || cause instanceof InvalidRecordException) {
        return true;
      }
    }
    return false;
  }

  /** Appends one line to {@code topic}. */
  void sendLine(String topic, String line) {
    await(producer.send(new ProducerRecord<>(topic, line.getBytes(StandardCharsets.UTF_8))), topic);
  }

  /** Creates the topic with the broker's defaults when it does not exist. */
  void ensureTopic(String topic) {
    try (Admin admin = Admin.create(kafka.admin(Map.of()))) {
      admin.createTopics(java.util.List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    }
  }

  /** Waits for a send's acknowledgement; a refusal is an {@link IllegalStateException} naming the topic. */
  static void await(java.util.concurrent.Future<?> sent, String topic) {
    try {
      sent.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + topic + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
