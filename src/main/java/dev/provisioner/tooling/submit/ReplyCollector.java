package dev.provisioner.tooling.submit;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.tooling.KafkaClients;
import dev.provisioner.tooling.MissingTopicException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the replies topic (read_committed) from the end offsets taken when it is opened, before
 * anything is sent, so older replies are not mistaken for this run's; passes on each reply with
 * its {@code kafka_correlationId} header, which the worker echoes from the command.
 */
final class ReplyCollector implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final JsonMapper json = JsonMapper.builder().build();

  ReplyCollector(KafkaClients kafka, String topic) {
    consumer = new KafkaConsumer<>(kafka.consumer(properties()));
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      consumer.close();
      throw new MissingTopicException("the replies topic " + topic + " does not exist, so nothing was sent"
          + " (the worker creates its topics when it starts; name its replies topic with --replies-topic)");
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    ends.forEach(consumer::seek);
  }

  /** Polls once, passing each reply's correlation ID and value to {@code onReply}; others are skipped. */
  void poll(Duration timeout, BiConsumer<byte[], JsonNode> onReply) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      Header id = record.headers().lastHeader(MessageHeaders.CORRELATION_ID);
      if (id != null && id.value() != null && record.value() != null) {
        readValue(record.value(), value -> onReply.accept(id.value(), value));
      }
    }
  }

  private void readValue(byte[] value, Consumer<JsonNode> then) {
    try {
      then.accept(json.readTree(value));
    } catch (JacksonException e) {
      // not a reply of this contract: someone else's record on the topic
    }
  }

  private static Map<String, Object> properties() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "account-provisioner-submit-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
