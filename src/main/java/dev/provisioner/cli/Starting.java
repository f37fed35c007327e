package dev.provisioner.cli;

import java.util.function.Supplier;

/** Starts an application; a failure to start is bad settings, reported as one line. */
final class Starting {

  private Starting() {
  }

  static <T> T orUsageError(Supplier<T> start) {
    try {
      return start.get();
    } catch (RuntimeException ex) {
      throw new UsageException(ErrorLines.describe(ex));
    }
  }
}
