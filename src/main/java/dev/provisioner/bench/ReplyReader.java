package dev.provisioner.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the reply topic (read_committed) in a thread of its own and records, per reply, the time
 * since its command was produced; keeps the sequence numbers in arrival order for order checks.
 * Duplicates are not counted twice.
 */
final class ReplyReader implements AutoCloseable {

  private final String run;
  private final long[] sentAt;
  private final Completions completions;
  private final int[] arrivals;
  private final BitSet seen;
  private final AtomicLong lastArrival = new AtomicLong(System.nanoTime());
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  /** The consumer group of the reader of {@code run}'s replies. */
  static String group(String run) {
    return "bench-reader-" + run;
  }

  /** @param cpu read when the measured window starts and ends ({@link Completions}) */
  ReplyReader(String bootstrapServers, String topic, String run, long[] sentAt,
      Supplier<CpuSample> cpu) {
    this.run = run;
    this.sentAt = sentAt;
    this.completions = new Completions(sentAt.length, cpu);
    this.arrivals = new int[sentAt.length];
    this.seen = new BitSet(sentAt.length);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, group(run),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
      }

      @Override
      public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
        assigned.countDown();
      }
    });
    this.thread = new Thread(() -> poll(consumer), "bench-replies");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until the reader has its partitions, so that no reply is missed or late. */
  void awaitAssigned() throws InterruptedException {
    if (!assigned.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the reply reader got no partitions within 60 s");
    }
  }

  /** Waits until {@code count} replies came, failing when none came for {@code stall}. */
  void awaitReplies(int count, Duration stall) throws InterruptedException {
    while (completions.count() < count) {
      if (System.nanoTime() - lastArrival.get() > stall.toNanos()) {
        throw new IllegalStateException("only " + completions.count() + " of " + count
            + " replies came; none for " + stall.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }

  Completions completions() {
    return completions;
  }

  /** Sequence numbers of the first {@code count} distinct replies, in arrival order. */
  synchronized int[] arrivals() {
    return java.util.Arrays.copyOf(arrivals, completions.count());
  }

  private void poll(KafkaConsumer<byte[], byte[]> consumer) {
    try (consumer) {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          accept(record, System.nanoTime());
        }
      }
    }
  }

  private synchronized void accept(ConsumerRecord<byte[], byte[]> record, long now) {
    var header = record.headers().lastHeader("message-id");
    int seq = header == null ? -1
        : BenchCommands.sequence(run, new String(header.value(), StandardCharsets.UTF_8));
    if (seq < 0 || seq >= sentAt.length || seen.get(seq)) {
      return;
    }
    seen.set(seq);
    arrivals[completions.count()] = seq;
    completions.record(now, now - sentAt[seq]);
    lastArrival.set(now);
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
