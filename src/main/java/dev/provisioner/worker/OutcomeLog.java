package dev.provisioner.worker;

import dev.provisioner.command.Reply;
import dev.provisioner.command.SafeText;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
  /** A message ID has at most 255 code points; each escape takes one of the budget. */
  private static final int MAX_ID = 255;
  private static final int MAX_REASON = 1_000;

  private OutcomeLog() {
  }

  static void published(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
    if (outcome instanceof Outcome.Answered && !log.isDebugEnabled()) {
      return;
    }
    Reply reply = outcome instanceof Outcome.Answered answered
        ? answered.reply()
        : ((Outcome.DeadLettered) outcome).reply();
    @Nullable String messageId = acceptedMessageId(outcome, reply);
    try (MDC.MDCCloseable id = MDC.putCloseable("message_id", messageId);
        MDC.MDCCloseable key = MDC.putCloseable("idempotency_key", reply == null ? null : reply.idempotencyKey());
        MDC.MDCCloseable topic = MDC.putCloseable("kafka_topic", record.topic());
        MDC.MDCCloseable partition = MDC.putCloseable("kafka_partition", String.valueOf(record.partition()));
        MDC.MDCCloseable offset = MDC.putCloseable("kafka_offset", String.valueOf(record.offset()))) {
      if (outcome instanceof Outcome.DeadLettered dead) {
        // The coordinates in the text too, for plain-text logs.
        // A valid ID may still hold bidi controls, and a reason quotes the record: both escaped.
        String validId = messageId == null ? "unknown" : SafeText.oneLine(messageId, MAX_ID);
        log.warn("command {}-{}@{} (message ID {}) dead-lettered ({}): {}", record.topic(),
            record.partition(), record.offset(), validId, reply == null ? "no reply" : reply.status(),
            SafeText.oneLine(String.valueOf(dead.reason().getMessage()), MAX_REASON));
      } else {
        log.debug("command answered: {}", reply.status());
      }
    }
  }

  /**
   * The message ID the worker accepted, or null; never a raw header: one it rejected may be
   * megabytes, lines of forged log, or bytes that are not UTF-8.
   */
  private static @Nullable String acceptedMessageId(Outcome outcome, @Nullable Reply reply) {
    if (reply != null && reply.messageId() != null) {
      return reply.messageId();
    }
    return outcome instanceof Outcome.DeadLettered dead
        && dead.reason() instanceof CommandRejectedException rejected ? rejected.messageId() : null;
  }
}
