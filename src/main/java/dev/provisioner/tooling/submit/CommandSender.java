package dev.provisioner.tooling.submit;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.tooling.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Sends one command per valid row and counts a row as sent only once the broker acknowledged it
 * (its send's callback came without an error), never when it was merely handed to the producer.
 *
 * <p>At the first failed send it takes no more rows: a broker that vanished fails each of them
 * only after the timeouts below, and submitting the file again is safe (same message IDs, hence
 * the same idempotency keys). Records already handed over still end, acknowledged or failed,
 * within {@link #DELIVERY_TIMEOUT}.
 */
final class CommandSender implements AutoCloseable {

  /**
   * How long a send may block for metadata or buffer space ({@code max.block.ms}, default 60 s):
   * with the broker gone, the producer's buffer fills and each send would wait that long.
   */
  static final Duration MAX_BLOCK = Duration.ofSeconds(15);

  /**
   * How long a record may wait for its acknowledgement, retries included ({@code
   * delivery.timeout.ms}, default 120 s): a leader election fits, a vanished broker ends the run.
   */
  static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** A row whose send failed, and Kafka's reason. */
  record Failure(long line, @Nullable RowState row, String reason) {
  }

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<@Nullable Failure> first = new AtomicReference<>();
  private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

  CommandSender(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * Hands the row's command to the producer, unless an earlier send failed.
   *
   * @param row the row's state for the report, or null when no report is kept
   * @param correlationId what the reply is to echo, so that it finds {@code row}; null without one
   * @return false when the row was not handed over because sending stopped
   */
  boolean send(SubmitRow.Valid valid, @Nullable RowState row, byte @Nullable [] correlationId) {
    if (stopped()) {
      return false;
    }
    try {
      producer.send(record(valid, correlationId), (metadata, error) -> {
        if (error == null) {
          acknowledged.incrementAndGet();
        } else {
          fail(new Failure(valid.line(), row, describe(error)));
        }
      });
    } catch (KafkaException e) {
      fail(new Failure(valid.line(), row, describe(e)));
    }
    return true;
  }

  /** Whether a send failed, so that no more rows are taken. */
  boolean stopped() {
    return first.get() != null;
  }

  /** Rows the broker acknowledged so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** The failure that stopped sending, if any. */
  Optional<Failure> firstFailure() {
    return Optional.ofNullable(first.get());
  }

  /** Waits until every row handed over is acknowledged or failed: at most {@link #DELIVERY_TIMEOUT}. */
  void flush() {
    producer.flush();
  }

  /** Passes each failed row not passed before, on the caller's thread rather than the producer's. */
  void drainFailures(Consumer<Failure> each) {
    for (Failure failure = failures.poll(); failure != null; failure = failures.poll()) {
      each.accept(failure);
    }
  }

  private void fail(Failure failure) {
    first.compareAndSet(null, failure);
    failures.add(failure);
  }

  private ProducerRecord<byte[], byte[]> record(SubmitRow.Valid valid, byte @Nullable [] correlationId) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
        valid.externalReference().getBytes(StandardCharsets.UTF_8), valid.value());
    record.headers().add(MessageHeaders.MESSAGE_ID, valid.messageId().getBytes(StandardCharsets.UTF_8));
    if (correlationId != null) {
      record.headers().add(MessageHeaders.CORRELATION_ID, correlationId);
    }
    return record;
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }

  /** An idempotent producer with the bounded timeouts above. */
  static Producer<byte[], byte[]> producer(KafkaClients kafka) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(kafka.producer(props));
  }

  /** Closes the producer; after {@link #flush()} nothing is pending, so this is quick. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
