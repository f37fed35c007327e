package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Reply;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log event per command record as its outcome is published, with the record's coordinates in
 * the MDC ({@code message_id}, {@code idempotency_key}, {@code kafka_topic}, {@code
 * kafka_partition}, {@code kafka_offset}), which structured logs carry as fields. Only statuses and
 * reasons are logged, never a body: dead letters at WARN; created and rejected at DEBUG, because
 * a line per command at INFO cost measurable throughput in the benchmark (set
 * {@code logging.level.dev.provisioner.worker.OutcomeLog=DEBUG} to see them).
 */
final class OutcomeLog {

  private static final Logger log = LoggerFactory.getLogger(OutcomeLog.class);

  private OutcomeLog() {
  }

  static void published(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
    if (outcome instanceof Outcome.Answered && !log.isDebugEnabled()) {
      return;
    }
    Reply reply = outcome instanceof Outcome.Answered answered
        ? answered.reply()
        : ((Outcome.DeadLettered) outcome).reply();
    String messageId = reply != null && reply.messageId() != null ? reply.messageId() : header(record);
    try (MDC.MDCCloseable id = MDC.putCloseable("message_id", messageId);
        MDC.MDCCloseable key = MDC.putCloseable("idempotency_key", reply == null ? null : reply.idempotencyKey());
        MDC.MDCCloseable topic = MDC.putCloseable("kafka_topic", record.topic());
        MDC.MDCCloseable partition = MDC.putCloseable("kafka_partition", String.valueOf(record.partition()));
        MDC.MDCCloseable offset = MDC.putCloseable("kafka_offset", String.valueOf(record.offset()))) {
      if (outcome instanceof Outcome.DeadLettered dead) {
        // The coordinates in the text too, for plain-text logs; the message ID only when it was
        // validated (a reply's), never a raw header.
        String validId = reply == null || reply.messageId() == null ? "unknown" : reply.messageId();
        log.warn("command {}-{}@{} (message ID {}) dead-lettered ({}): {}", record.topic(),
            record.partition(), record.offset(), validId, reply == null ? "no reply" : reply.status(),
            dead.reason().getMessage());
      } else {
        log.debug("command answered: {}", reply.status());
      }
    }
  }

  private static @Nullable String header(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(MessageHeaders.MESSAGE_ID);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
