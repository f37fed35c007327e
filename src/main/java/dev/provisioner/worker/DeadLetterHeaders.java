package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/** The header the worker adds to spring-kafka's standard {@code kafka_dlt-*} ones. */
final class DeadLetterHeaders {

  private DeadLetterHeaders() {
  }

  /**
   * {@code message-id}, when known and the record's last {@code message-id} header is not already
   * that ID: added after the original headers (which stay), so Kafka tools and {@code dlt show},
   * which read the last one, show the ID the worker used. The ID came from the value's field or
   * a header, so a replay still resolves it, and keeps its idempotency key.
   */
  static @Nullable Headers messageId(ConsumerRecord<?, ?> record, Exception reason) {
    if (!(reason instanceof CommandRejectedException rejected) || rejected.messageId() == null) {
      return null;
    }
    byte[] id = rejected.messageId().getBytes(StandardCharsets.UTF_8);
    Header present = record.headers().lastHeader(MessageHeaders.MESSAGE_ID);
    if (present != null && Arrays.equals(present.value(), id)) {
      return null;
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(MessageHeaders.MESSAGE_ID, id);
    return headers;
  }
}
