package dev.provisioner.tooling.submit;

import org.jspecify.annotations.Nullable;

/** What is known of one row while a run goes on: the few fields the report needs. */
final class RowState {

  /** A row that failed validation. */
  static final String INVALID = "invalid";
  /** A valid row whose command the broker did not acknowledge, or that was never handed over. */
  static final String NOT_SENT = "not-sent";

  /** The row's place in the report: its command's correlation ID carries it, and so does the reply. */
  final int index;
  final long line;
  final @Nullable String messageId;
  final @Nullable String externalReference;
  @Nullable String status;
  @Nullable String accountId;
  @Nullable String error;
  /** A created row whose account already existed: the API replayed it, or reconciliation found it. */
  boolean replayed;

  RowState(int index, long line, @Nullable String messageId, @Nullable String externalReference,
      @Nullable String status, @Nullable String error) {
    this.index = index;
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
