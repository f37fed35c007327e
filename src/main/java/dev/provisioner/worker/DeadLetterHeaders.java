package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/** The header the worker adds to spring-kafka's standard {@code kafka_dlt-*} ones. */
final class DeadLetterHeaders {

  private DeadLetterHeaders() {
  }

  /** {@code message-id}, when known and not already on the record, so a replay keeps its key. */
  static @Nullable Headers messageId(ConsumerRecord<?, ?> record, Exception reason) {
    if (!(reason instanceof CommandRejectedException rejected) || rejected.messageId() == null
        || record.headers().lastHeader(MessageHeaders.MESSAGE_ID) != null) {
      return null;
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(MessageHeaders.MESSAGE_ID, rejected.messageId().getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
