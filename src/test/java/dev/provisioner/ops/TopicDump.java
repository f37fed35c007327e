package dev.provisioner.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything on a topic as text, aborted transactions included (read_uncommitted): keys,
 * values and every header, for tests that search a whole topic for a string.
 */
final class TopicDump {

  private TopicDump() {
  }

  static String text(String bootstrapServers, String topic) {
    StringBuilder text = new StringBuilder();
    for (ConsumerRecord<byte[], byte[]> record : records(bootstrapServers, topic)) {
      text.append(string(record.key())).append(' ').append(string(record.value()));
      for (Header header : record.headers()) {
        text.append(' ').append(header.key()).append('=').append(string(header.value()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  static List<ConsumerRecord<byte[], byte[]>> records(String bootstrapServers, String topic) {
    return records(bootstrapServers, topic, "read_uncommitted");
  }

  /** The topic's records; {@code isolation} is {@code read_committed} or {@code read_uncommitted}. */
  static List<ConsumerRecord<byte[], byte[]>> records(String bootstrapServers, String topic, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dump-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }

  private static String string(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
