package dev.provisioner.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of records that finished past a cut batch's commit point, kept until Kafka delivers
 * those records again, so that their API calls are not made a second time.
 *
 * <p>A cut batch can commit only a prefix of its records; records of other keys that ran ahead of a
 * waiting record finished, but are delivered again. Before, each was called again under its
 * idempotency key and the API replayed it; against a rate-limited API those repeats took calls
 * from the limit. A record is known by its partition and offset, which name it for good, so its
 * outcome serves its redelivery whichever batch brings it. The redelivery is normally the
 * consumer's next batch (the listener seeks back to the cut); outcomes of offsets a batch has
 * passed are dropped, and at most {@code capacity} are kept, the rest called again. A partition
 * that moved to another process is called there again, as before: the idempotency key makes that
 * safe.
 */
final class EarlyOutcomes {

  private final ConcurrentMap<TopicPartition, NavigableMap<Long, Outcome>> byPartition = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;

  EarlyOutcomes(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Keeps the outcome of a record that finished past its batch's commit point.
   *
   * @return false when {@code capacity} outcomes are kept already, so the record will be called again
   */
  boolean keep(ConsumerRecord<?, ?> record, Outcome outcome) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return false;
    }
    Outcome before = byPartition.computeIfAbsent(partition(record), ignored -> new ConcurrentSkipListMap<>())
        .put(record.offset(), outcome);
    if (before != null) {
      size.decrementAndGet();
    }
    return true;
  }

  /**
   * Takes the outcomes kept for records of this batch, and forgets those of offsets before the
   * batch's first record of their partition: Kafka will not deliver them again to this consumer.
   *
   * @return per record of the batch, in its order, the outcome kept for it, or null
   */
  List<@Nullable Outcome> take(List<? extends ConsumerRecord<?, ?>> batch) {
    if (size.get() == 0) {
      return Collections.nCopies(batch.size(), null);
    }
    Map<TopicPartition, @Nullable NavigableMap<Long, Outcome>> seen = new HashMap<>();
    List<@Nullable Outcome> taken = new ArrayList<>(batch.size());
    for (ConsumerRecord<?, ?> record : batch) {
      TopicPartition partition = partition(record);
      if (!seen.containsKey(partition)) {
        seen.put(partition, passed(partition, record));
      }
      NavigableMap<Long, Outcome> kept = seen.get(partition);
      Outcome outcome = kept == null ? null : kept.remove(record.offset());
      if (outcome != null) {
        size.decrementAndGet();
      }
      taken.add(outcome);
    }
    return taken;
  }

  int size() {
    return size.get();
  }

  /** The partition's kept outcomes, less those of offsets before {@code first}, its first record in a batch. */
  private @Nullable NavigableMap<Long, Outcome> passed(TopicPartition partition, ConsumerRecord<?, ?> first) {
    NavigableMap<Long, Outcome> kept = byPartition.get(partition);
    if (kept == null) {
      return null;
    }
    NavigableMap<Long, Outcome> older = kept.headMap(first.offset(), false);
    size.addAndGet(-older.size());
    older.clear();
    return kept;
  }

  private static TopicPartition partition(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }
}
