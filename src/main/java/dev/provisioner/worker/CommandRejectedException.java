package dev.provisioner.worker;

import org.jspecify.annotations.Nullable;

/**
 * Why a record was dead-lettered without calling the API: not JSON, no message ID, a schema
 * violation or too large. Its class and message land in the {@code kafka_dlt-exception-*} headers.
 */
public class CommandRejectedException extends RuntimeException {

  private final @Nullable String messageId;

  public CommandRejectedException(String reason, @Nullable String messageId) {
    super(reason, null, false, false);
    this.messageId = messageId;
  }

  public @Nullable String messageId() {
    return messageId;
  }
}
