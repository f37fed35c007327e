package dev.provisioner.tooling.dlt;

import dev.provisioner.tooling.MissingTopicException;
import java.time.Duration;
import java.util.ArrayList;
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
  /** Where reading began in each partition: the committed offset, else the beginning. */
  private final Map<TopicPartition, Long> starts = new HashMap<>();
  private final Map<TopicPartition, HandledOffsets> handled = new HashMap<>();

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
    List<TopicPartition> uncommitted = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        uncommitted.add(partition);
      } else {
        consumer.seek(partition, offset.offset());
        starts.put(partition, offset.offset());
        handled.put(partition, HandledOffsets.parse(offset.metadata()));
      }
    }
    if (!uncommitted.isEmpty()) { // an empty collection would mean every assigned partition
      consumer.seekToBeginning(uncommitted);
      starts.putAll(consumer.beginningOffsets(uncommitted, Duration.ofSeconds(30)));
    }
  }

  /**
   * The offsets earlier runs handled past a record their filter left, by partition (see {@link
   * HandledOffsets}); the caller may add to them and commits them with {@link #commit}.
   */
  HandledOffsets handled(TopicPartition partition) {
    return handled.computeIfAbsent(partition, none -> new HandledOffsets());
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

  /**
   * Commits the group's position, the next record to read in each given partition, with the
   * offsets handled past it; a partition not given whose handled offsets grew keeps its position.
   */
  void commit(Map<TopicPartition, Long> positions) {
    Map<TopicPartition, Long> all = new HashMap<>(positions);
    handled.forEach((partition, offsets) -> {
      if (!offsets.isEmpty()) {
        all.putIfAbsent(partition, starts.get(partition));
      }
    });
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    all.forEach((partition, position) -> offsets.put(partition,
        new OffsetAndMetadata(position, handled(partition).metadata(position))));
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
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
