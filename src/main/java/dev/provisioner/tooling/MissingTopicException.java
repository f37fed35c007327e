package dev.provisioner.tooling;

/** A topic a tool was told to read is not on the broker: a setting to fix, not a failure of the work. */
public final class MissingTopicException extends IllegalArgumentException {

  public MissingTopicException(String message) {
    super(message);
  }
}
