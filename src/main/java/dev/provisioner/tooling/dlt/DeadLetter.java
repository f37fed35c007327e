package dev.provisioner.tooling.dlt;

import dev.provisioner.command.MessageHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One record of the dead-letter topic with spring-kafka's {@code kafka_dlt-*} headers decoded.
 *
 * @param record the record as read
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

  /** The prefix of spring-kafka's dead-letter headers; a replay drops them. */
  public static final String DLT_HEADER_PREFIX = "kafka_dlt-";
  /** The header counting how often a record was replayed from the dead-letter topic. */
  public static final String REPLAY_COUNT = "replay-count";
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  private static final Set<String> INTEGERS = Set.of("kafka_dlt-original-partition");
  private static final Set<String> LONGS = Set.of("kafka_dlt-original-offset",
      "kafka_dlt-original-timestamp");
  private static final int REASON_WORDS = 6;
  private static final Pattern HTTP_STATUS = Pattern.compile("\\s*[1-5][0-9]{2}(\\s.*)?");

  public Instant timestamp() {
    return Instant.ofEpochMilli(record.timestamp());
  }

  public @Nullable String key() {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  public @Nullable String originalTopic() {
    return header(ORIGINAL_TOPIC);
  }

  /** Why the value was left out (too large to dead-letter), or null when the letter has it. */
  public @Nullable String valueOmitted() {
    return header(MessageHeaders.DLT_VALUE_OMITTED);
  }

  public @Nullable String messageId() {
    return header(MessageHeaders.MESSAGE_ID);
  }

  /** The exception's class name, fully qualified, or {@code unknown}. */
  public String exceptionClass() {
    String fqcn = header(EXCEPTION_FQCN);
    return fqcn == null ? "unknown" : fqcn;
  }

  public String exceptionMessage() {
    String message = header(EXCEPTION_MESSAGE);
    return message == null ? "" : message;
  }

  /**
   * The reason to group by: the exception's simple class name and the first words of its message
   * before any colon, numbers replaced by {@code N} (so "gave up after 6 API calls" and "... 4 ..."
   * count together), then the HTTP status and title when the next part starts with one (so a 503
   * outage and a 504 timeout count apart).
   */
  public String reason() {
    String fqcn = exceptionClass();
    String simple = fqcn.substring(fqcn.lastIndexOf('.') + 1);
    String[] parts = exceptionMessage().split(":", 3);
    String head = firstWords(parts[0].replaceAll("[0-9]+", "N"));
    if (head.isEmpty()) {
      return simple;
    }
    Matcher status = parts.length > 1 ? HTTP_STATUS.matcher(parts[1]) : null;
    return simple + ": " + head + (status != null && status.matches() ? ": " + firstWords(parts[1]) : "");
  }

  private static String firstWords(String text) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", Arrays.copyOf(words, Math.min(words.length, REASON_WORDS)));
  }

  /** How often the record was replayed already: its {@code replay-count} header, else 0. */
  public int replayCount() {
    String count = header(REPLAY_COUNT);
    try {
      return count == null ? 0 : Integer.parseInt(count.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The last value of a header as UTF-8, or null. */
  public @Nullable String header(String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Every header decoded for people: numbers as numbers, text as text, in record order. */
  public Map<String, Object> decodedHeaders() {
    Map<String, Object> decoded = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      decoded.put(header.key(), decode(header.key(), header.value()));
    }
    return decoded;
  }

  private static Object decode(String name, byte @Nullable [] value) {
    if (value == null) {
      return "";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (INTEGERS.contains(lower) && value.length == Integer.BYTES) {
      return ByteBuffer.wrap(value).getInt();
    }
    if (LONGS.contains(lower) && value.length == Long.BYTES) {
      long number = ByteBuffer.wrap(value).getLong();
      return lower.endsWith("timestamp") ? Instant.ofEpochMilli(number).toString() : number;
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
