package dev.provisioner.worker;

/**
 * A failure that is not the command's: the API refuses the key (401/403) or stays unavailable
 * past the batch's patience. The batch's transaction is rolled back and its records are
 * delivered again; nothing is dead-lettered and no retry budget is spent.
 */
public class SystemicFailureException extends RuntimeException {

  private final boolean needsOperator;

  public SystemicFailureException(String message, boolean needsOperator) {
    super(message, null, false, false);
    this.needsOperator = needsOperator;
  }

  /** True when a person must fix something (a key) before the worker can go on. */
  public boolean needsOperator() {
    return needsOperator;
  }
}
