package dev.provisioner.worker;

/**
 * A command the worker gave up on after its retry budget was spent, or that failed unexpectedly
 * (a bug): it can be replayed from the dead-letter topic under the same idempotency key once the
 * API recovers or the bug is fixed.
 */
public class CommandFailedException extends CommandRejectedException {

  public CommandFailedException(String reason, String messageId) {
    super(reason, messageId);
  }
}
