package dev.provisioner.cli;

/** Bad usage or settings, found by a command: one line on standard error and exit code 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
