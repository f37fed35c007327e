package dev.provisioner.tooling.dlt;

import dev.provisioner.tooling.MissingTopicException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topic (read_committed) from a start position to the end offsets taken
 * when reading begins, so a run is finite even while the worker keeps dead-lettering.
 */
final class DeadLetterReader implements AutoCloseable {

  private static final int EMPTY_POLLS_AT_END = 3;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Map<TopicPartition, Long> ends;

  /** Reads as consumer group {@code groupId}, from its committed offsets, else the beginning. */
  DeadLetterReader(DltSettings settings, String groupId) {
    consumer = new KafkaConsumer<>(settings.kafka().consumer(properties(groupId)));
    String topic = settings.deadLetterTopic();
    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      consumer.close();
      throw new MissingTopicException("the dead-letter topic " + topic + " does not exist");
    }
    consumer.assign(partitions);
    ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
  }

  /** Starts at one offset of one partition only. */
  void seekTo(int partition, long offset) {
    TopicPartition only = new TopicPartition(partitions.get(0).topic(), partition);
    if (!partitions.contains(only)) {
      throw new IllegalArgumentException("the dead-letter topic has no partition " + partition);
    }
    consumer.assign(List.of(only));
    consumer.seek(only, offset);
  }

  /** Passes records in order until the end offsets, or until {@code each} returns false. */
  void forEach(Predicate<DeadLetter> each) {
    int emptyPolls = 0;
    while (!atEnd() && emptyPolls < EMPTY_POLLS_AT_END) {
      var records = consumer.poll(Duration.ofMillis(500));
      emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (record.offset() >= ends.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
          continue;
        }
        if (!each.test(new DeadLetter(record))) {
          return;
        }
      }
    }
  }

  /** Commits the group's position: the next record to read in each given partition. */
  void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (!offsets.isEmpty()) {
      consumer.commitSync(new HashMap<>(offsets));
    }
  }

  private boolean atEnd() {
    for (TopicPartition partition : consumer.assignment()) {
      if (consumer.position(partition) < ends.getOrDefault(partition, 0L)) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> properties(String groupId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
