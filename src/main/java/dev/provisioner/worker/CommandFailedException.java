package dev.provisioner.worker;

/**
 * A command the worker gave up on after its retry budget was spent: it can be replayed from the
 * dead-letter topic under the same idempotency key once the API recovers.
 */
public class CommandFailedException extends CommandRejectedException {

  public CommandFailedException(String reason, String messageId) {
    super(reason, messageId);
  }
}
