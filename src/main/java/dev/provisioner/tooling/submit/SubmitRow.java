package dev.provisioner.tooling.submit;

import org.jspecify.annotations.Nullable;

/** One row of an input file after validation: a command ready to send, or why it is not. */
public sealed interface SubmitRow {

  /** The line of the file the row starts on. */
  long line();

  /** A valid command: its message ID, its key (the external reference) and its record value. */
  record Valid(long line, String messageId, String externalReference, byte[] value)
      implements SubmitRow {
  }

  /** A row that fails the command schema or cannot be read; {@code reason} is one line. */
  record Invalid(long line, @Nullable String messageId, @Nullable String externalReference,
      String reason) implements SubmitRow {
  }
}
