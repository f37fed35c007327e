package dev.provisioner.tooling.dlt;

import dev.provisioner.testing.TestKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A dead-letter topic of a test's own, filled with records as spring-kafka writes them. */
final class DeadLetterTopic {

  final String name = TestKafka.uniqueTopic("dlt");
  final String original = TestKafka.uniqueTopic("commands");

  DeadLetterTopic() {
    TestKafka.createTopics(1, name, original);
  }

  /**
   * One dead letter of {@code original} (unless {@code headers} names another
   * {@code kafka_dlt-original-topic}) with the given exception and headers.
   */
  void add(String key, String value, String exceptionFqcn, String message, Map<String, String> headers) {
    send(List.of(record(key, value, exceptionFqcn, message, headers)));
  }

  /** One dead letter of {@code original} with a key of any bytes. */
  void addWithKey(byte[] key, String value, String exceptionFqcn, String message) {
    ProducerRecord<byte[], byte[]> record = record("", value, exceptionFqcn, message, Map.of());
    send(List.of(new ProducerRecord<>(name, 0, null, key, record.value(), record.headers())));
  }

  /** One dead letter of {@code original} with a header of any bytes. */
  void addWithHeader(String header, byte[] bytes, String value, String exceptionFqcn, String message) {
    ProducerRecord<byte[], byte[]> record = record("k", value, exceptionFqcn, message, Map.of());
    record.headers().add(header, bytes);
    send(List.of(record));
  }

  /** {@code count} dead letters {@code prefix-0} ... with the given exception, in one producer. */
  void addMany(String prefix, int count, String exceptionFqcn, String message) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(record(prefix + "-" + i, "{}", exceptionFqcn, message, Map.of("message-id", prefix + "-" + i)));
    }
    send(records);
  }

  private ProducerRecord<byte[], byte[]> record(String key, String value, String exceptionFqcn,
      String message, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(name, 0, null,
        key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    headers.forEach((header, text) -> record.headers().add(header, utf8(text)));
    if (!headers.containsKey("kafka_dlt-original-topic")) {
      record.headers().add("kafka_dlt-original-topic", utf8(original));
    }
    record.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
    record.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42L).array());
    record.headers().add("kafka_dlt-exception-fqcn", utf8(exceptionFqcn));
    record.headers().add("kafka_dlt-exception-message", utf8(message));
    return record;
  }

  private static void send(List<ProducerRecord<byte[], byte[]>> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      producer.flush();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new one-partition topic whose records may be at most {@code maxMessageBytes}. */
  static String topicTakingAtMost(String prefix, int maxMessageBytes) {
    String topic = TestKafka.uniqueTopic(prefix);
    try (Admin admin = TestKafka.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(
          Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + topic, e);
    }
    return topic;
  }

  /** Lets {@code topic} take records of up to {@code maxMessageBytes}. */
  static void raiseMaxMessageBytes(String topic, int maxMessageBytes) {
    try (Admin admin = TestKafka.admin()) {
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
          List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
              Integer.toString(maxMessageBytes)), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot change " + topic, e);
    }
  }

  /** Every record on {@code topic} now (reads to the end offsets). */
  static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
