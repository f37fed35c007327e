package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Utf8;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.internals.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a command's reply goes: its {@code kafka_replyTopic} when that names a topic the
 * reply can safely be written to, else the replies topic.
 *
 * <p>A reply is published inside the batch's transaction, so a send the broker refuses (a name
 * Kafka does not allow, an internal topic, a topic the worker may not write to, a record over the
 * topic's {@code max.message.bytes}, a record without key on a compacted topic) or one that waits
 * for a topic that does not exist would roll the whole batch back on every redelivery: one command
 * would stall its partitions for good. So the header is checked first: a legal name, not internal
 * ({@code __*}), not the worker's own commands or dead-letter topic (a reply there would be read
 * back as a command or pass for a dead letter), existing, writable by the worker (its ACLs),
 * able to take a write with acks=all ({@code min.insync.replicas} no more than its replicas),
 * taking a record of the reply's size, and not compacted when the reply has no key, asked of the
 * broker without creating it ({@link TopicFacts}). Each answer is kept for a minute, for at most {@value #CACHED}
 * names, so a stream of commands naming one missing topic costs one lookup and one log line a
 * minute.
 */
final class ReplyTopics implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplyTopics.class);
  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
  private static final int CACHED = 1_000;
  /** A record batch's framing around one record, at most. */
  private static final int RECORD_FRAMING = 128;

  private final LazyAdmin admin;
  private final String replies;
  private final Set<String> forbidden;
  private final Clock clock;
  private final Map<String, Answer> answers = answers();

  ReplyTopics(LazyAdmin admin, WorkerSettings.Topics topics, Clock clock) {
    this.admin = admin;
    this.replies = topics.replies();
    this.forbidden = Set.of(topics.commands(), topics.deadLetters());
    this.clock = clock;
  }

  /** What is known of a requested topic, and since when. */
  private sealed interface Answer permits Usable, Refused {
    Instant at();
  }

  /** The worker may write to it, records of at most {@code maxMessageBytes}, with a key if compacted. */
  private record Usable(Instant at, long maxMessageBytes, boolean compacted) implements Answer {
  }

  private record Refused(Instant at, String why) implements Answer {
  }

  /** The topic for the reply to {@code command}, a record of {@code replyBytes} (key and headers included). */
  String forReply(ConsumerRecord<?, ?> command, long replyBytes) {
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
    if (!(answer(requested, command) instanceof Usable usable)) {
      return replies;
    }
    String refusal = replyBytes + RECORD_FRAMING > usable.maxMessageBytes()
        ? "takes records of at most " + usable.maxMessageBytes() + " bytes, the reply is " + replyBytes
        : usable.compacted() && command.key() == null ? "is compacted, and the reply has no key" : null;
    if (refusal != null) {
      log.warn("kafka_replyTopic '{}' {}: replying on {} instead (record {}-{}@{})", requested, refusal,
          replies, command.topic(), command.partition(), command.offset());
      return replies;
    }
    return requested;
  }

  private Answer answer(String topic, ConsumerRecord<?, ?> command) {
    synchronized (answers) {
      Answer known = answers.get(topic);
      if (known != null && known.at().plus(KEEP).isAfter(clock.instant())) {
        return known;
      }
    }
    Answer fresh = ask(topic);
    synchronized (answers) {
      answers.put(topic, fresh);
    }
    if (fresh instanceof Refused refused) {
      log.warn("kafka_replyTopic '{}' {}: replying on {} instead (record {}-{}@{}; not logged again"
          + " for a minute)", topic, refused.why(), replies, command.topic(), command.partition(),
          command.offset());
    }
    return fresh;
  }

  private Answer ask(String topic) {
    Instant now = clock.instant();
    if (topic.startsWith("__") || Topic.isInternal(topic)) {
      return new Refused(now, "names an internal topic");
    }
    if (forbidden.contains(topic)) {
      return new Refused(now, "names the worker's own commands or dead-letter topic");
    }
    TopicFacts facts = TopicFacts.ask(admin.get(), topic, LOOKUP_TIMEOUT);
    if (facts == null) {
      return new Refused(now, "names a topic that does not exist or that the worker may not describe");
    }
    if (!facts.writable()) {
      return new Refused(now, "names a topic the worker may not write to");
    }
    if (facts.minInSyncReplicas() > facts.fewestReplicas()) {
      return new Refused(now, "needs " + facts.minInSyncReplicas() + " in-sync replicas but has "
          + facts.fewestReplicas() + ", so no write with acks=all can succeed");
    }
    return new Usable(now, facts.maxMessageBytes(), facts.compacted());
  }

  /** Least recently used first, at most {@value #CACHED} names. */
  private static Map<String, Answer> answers() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
        return size() > CACHED;
      }
    };
  }

  @Override
  public void close() {
    admin.close();
  }
}
