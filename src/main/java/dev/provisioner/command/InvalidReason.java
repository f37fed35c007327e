package dev.provisioner.command;

/** Why a command record could not be processed. */
public enum InvalidReason {
  /**
   * The value is absent, empty, not UTF-8, not JSON, or JSON beyond the parser's limits (e.g.
   * nesting).
   */
  NOT_JSON,
  /**
   * Valid JSON, but no usable message ID in the value or the headers (a value that is not a JSON
   * object cannot hold one).
   */
  NO_MESSAGE_ID,
  /** A message ID is known, but the value does not satisfy the command schema. */
  SCHEMA_VIOLATION,
  /** The record (value, key and headers) is larger than the configured limit; it was not parsed. */
  TOO_LARGE
}
