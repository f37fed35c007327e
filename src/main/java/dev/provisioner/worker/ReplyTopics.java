package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Utf8;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.internals.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a command's reply goes: its {@code kafka_replyTopic} when that names a topic the
 * reply can safely be written to, else the replies topic.
 *
 * <p>A reply is published inside the batch's transaction, so a send the broker refuses (a name
 * Kafka does not allow, an internal topic) or one that waits for a topic that does not exist would
 * roll the whole batch back on every redelivery: one command would stall its partitions for good.
 * So the header is checked first: a legal name, not internal ({@code __*}), not the worker's own
 * commands or dead-letter topic (a reply there would be read back as a command or pass for a dead
 * letter), and existing, asked of the broker without creating it. Each answer is kept for a
 * minute, for at most {@value #CACHED} names, so a stream of commands naming one missing topic
 * costs one lookup and one log line a minute.
 */
final class ReplyTopics implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplyTopics.class);
  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
  private static final int CACHED = 1_000;

  private final LazyAdmin admin;
  private final String replies;
  private final Set<String> forbidden;
  private final Clock clock;
  private final Map<String, Instant> existing = answers();
  private final Map<String, Instant> refused = answers();

  ReplyTopics(LazyAdmin admin, WorkerSettings.Topics topics, Clock clock) {
    this.admin = admin;
    this.replies = topics.replies();
    this.forbidden = Set.of(topics.commands(), topics.deadLetters());
    this.clock = clock;
  }

  /** The topic for the reply to {@code command}. */
  String forReply(ConsumerRecord<?, ?> command) {
    Header header = command.headers().lastHeader(MessageHeaders.REPLY_TOPIC);
    if (header == null || header.value() == null) {
      return replies;
    }
    String requested = Utf8.decode(header.value());
    if (requested == null || !Topic.isValid(requested)) {
      // Not echoed: it may be any bytes at all.
      log.warn("kafka_replyTopic header of {} bytes is not a legal Kafka topic name: replying on {}"
          + " instead (record {}-{}@{})", header.value().length, replies, command.topic(),
          command.partition(), command.offset());
      return replies;
    }
    if (recently(refused, requested)) {
      return replies;
    }
    String refusal = refusal(requested);
    if (refusal == null) {
      return requested;
    }
    synchronized (refused) {
      refused.put(requested, clock.instant());
    }
    log.warn("kafka_replyTopic '{}' {}: replying on {} instead (record {}-{}@{}; not logged again"
        + " for a minute)", requested, refusal, replies, command.topic(), command.partition(),
        command.offset());
    return replies;
  }

  /** Why a reply cannot go to the legally named {@code topic}, or null when it can. */
  private @Nullable String refusal(String topic) {
    if (topic.startsWith("__") || Topic.isInternal(topic)) {
      return "names an internal topic";
    }
    if (forbidden.contains(topic)) {
      return "names the worker's own commands or dead-letter topic";
    }
    return exists(topic) ? null : "names a topic that does not exist";
  }

  private boolean exists(String topic) {
    if (recently(existing, topic)) {
      return true;
    }
    boolean exists = describe(topic);
    if (exists) {
      synchronized (existing) {
        existing.put(topic, clock.instant());
      }
    }
    return exists;
  }

  /**
   * Asks the broker; a broker that does not answer fails the batch (rolled back and redelivered
   * like any broker outage) rather than sending the reply elsewhere.
   */
  private boolean describe(String topic) {
    try {
      admin.get().describeTopics(Set.of(topic)).allTopicNames()
          .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw new IllegalStateException("could not look up reply topic " + topic + ": " + ex.getCause(), ex);
    } catch (TimeoutException ex) {
      throw new IllegalStateException("could not look up reply topic " + topic + " within " + LOOKUP_TIMEOUT, ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking up reply topic " + topic, ex);
    }
  }

  private boolean recently(Map<String, Instant> answers, String topic) {
    synchronized (answers) {
      Instant at = answers.get(topic);
      return at != null && at.plus(KEEP).isAfter(clock.instant());
    }
  }

  /** Least recently used first, at most {@value #CACHED} names. */
  private static Map<String, Instant> answers() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
        return size() > CACHED;
      }
    };
  }

  @Override
  public void close() {
    admin.close();
  }
}
