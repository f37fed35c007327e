package dev.provisioner.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients producers and consumers of strings, for tests that check what a broker
 * holds without any of the product's code in between.
 */
public final class TestClients {

  private TestClients() {
  }

  /** An idempotent producer that waits for all replicas; the caller closes it. */
  public static KafkaProducer<String, String> producer(String bootstrapServers) {
    return new KafkaProducer<>(producerProps(bootstrapServers));
  }

  /** A transactional producer, {@code initTransactions()} already called; the caller closes it. */
  public static KafkaProducer<String, String> transactionalProducer(String bootstrapServers,
      String transactionalId) {
    Map<String, Object> props = producerProps(bootstrapServers);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<String, String> producer = new KafkaProducer<>(props);
    producer.initTransactions();
    return producer;
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public static void send(String bootstrapServers, String topic, String key, String value) {
    try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot send to " + topic + " on " + bootstrapServers, e);
    }
  }

  /**
   * Sends {@code records} and waits until the broker acknowledged every one, so that a test never
   * waits for the answer to a command that was not sent: a send the producer gave up on (under
   * CPU starvation, e.g. a timed-out or out-of-sequence batch) fails the test here, saying how
   * many were lost and why.
   */
  public static <K, V> void sendAcknowledged(Producer<K, V> producer, List<ProducerRecord<K, V>> records) {
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
    for (ProducerRecord<K, V> record : records) {
      sends.add(producer.send(record));
    }
    producer.flush();
    int failed = 0;
    Exception first = null;
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        failed++;
        first = first == null ? e : first;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while awaiting acknowledgements", e);
      }
    }
    if (first != null) {
      throw new IllegalStateException(failed + " of " + records.size()
          + " records were not acknowledged by the broker", first.getCause());
    }
  }

  /**
   * Reads {@code topic} from the beginning with {@code read_committed} until {@code count} records
   * came, then returns their values; fails after {@code timeout}.
   */
  public static List<String> readValues(String bootstrapServers, String topic, int count,
      Duration timeout) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrapServers))) {
      consumer.subscribe(List.of(topic));
      await("%d records on %s".formatted(count, topic)).atMost(timeout).until(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
        return values.size() >= count;
      });
    }
    return values;
  }

  private static Map<String, Object> producerProps(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return props;
  }

  private static Map<String, Object> consumerProps(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
  }
}
