package dev.provisioner.worker;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * One line whenever a consumer of the worker gains or gives up partitions, and one when the worker
 * starts to stop, so that an operator can follow rebalances and shutdowns in the log: Kafka's and
 * spring-kafka's own lines are at WARN. The consumer is the thread named in the line.
 */
final class MembershipLog implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(MembershipLog.class);

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.info("partitions assigned: {}", text(partitions));
    }
  }

  @Override
  public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.info("partitions revoked: {}", text(partitions));
    }
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.warn("partitions lost: {}; the group went on without this consumer (no heartbeat within "
          + "session.timeout.ms, or no poll within max.poll.interval.ms): their commands not yet "
          + "committed are processed again by their new owner", text(partitions));
    }
  }

  @EventListener
  void onStopping(ContextClosedEvent event) {
    log.info("worker stopping: the batches in progress make no new API calls and end, committed or handed back "
        + "to the next worker, then the consumers leave the group");
  }

  /** {@code topic [0, 3, 5]}, per topic, partitions in order. */
  static String text(Collection<TopicPartition> partitions) {
    Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(partition ->
        byTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition()));
    StringBuilder text = new StringBuilder();
    byTopic.forEach((topic, numbers) -> text.append(text.isEmpty() ? "" : ", ").append(topic).append(' ').append(numbers));
    return text.toString();
  }
}
