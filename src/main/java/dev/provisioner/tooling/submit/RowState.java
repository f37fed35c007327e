package dev.provisioner.tooling.submit;

import org.jspecify.annotations.Nullable;

/** What is known of one row while a run goes on: the few fields the report needs. */
final class RowState {

  /** A row that failed validation. */
  static final String INVALID = "invalid";
  /** A valid row whose command the broker did not acknowledge, or that was never handed over. */
  static final String NOT_SENT = "not-sent";

  final long line;
  final @Nullable String messageId;
  final @Nullable String externalReference;
  @Nullable String status;
  @Nullable String accountId;
  @Nullable String error;
  /** A created row whose account already existed: the API replayed it, or reconciliation found it. */
  boolean replayed;
  /** The next row with the same message ID, if any: rows so linked cost no list of their own. */
  @Nullable RowState sameMessageId;

  RowState(long line, @Nullable String messageId, @Nullable String externalReference,
      @Nullable String status, @Nullable String error) {
    this.line = line;
    this.messageId = messageId;
    this.externalReference = externalReference;
    this.status = status;
    this.error = error;
  }

  boolean answered() {
    return status != null;
  }
}
