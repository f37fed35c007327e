package dev.provisioner.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings only: the in-process broker and plain Kafka clients log at INFO or DEBUG when Spring
 * Boot has not set logging up, which would bury the benchmark's output and cost CPU.
 */
final class QuietLogs {

  private QuietLogs() {
  }

  static void warningsOnly() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
