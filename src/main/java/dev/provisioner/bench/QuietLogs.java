package dev.provisioner.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings only: the in-process broker and plain Kafka clients log at INFO or DEBUG when Spring
 * Boot has not set logging up, which would bury the benchmark's output and cost CPU.
 */
public final class QuietLogs {

  private static final String QUORUM_CONTROLLER = "org.apache.kafka.controller.QuorumController";
  private static final String CLIENT_UTILS = "org.apache.kafka.clients.ClientUtils";
  private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

  private QuietLogs() {
  }

  /** Warnings and errors only, from now on, for every logger but a few noisier ones. */
  public static void warningsOnly() {
    set(Logger.ROOT_LOGGER_NAME, ch.qos.logback.classic.Level.WARN);
    // A new KRaft controller announces, at WARN, that it writes its bootstrap records: every
    // benchmark's second line was that 400-character notice about an empty metadata log.
    set(QUORUM_CONTROLLER, ch.qos.logback.classic.Level.ERROR);
    // An address that does not resolve: the broker check's one line says it, with the option.
    set(CLIENT_UTILS, ch.qos.logback.classic.Level.ERROR);
  }

  /**
   * Before the broker in this JVM closes: its controller channel warned, at every benchmark's
   * end, {@code Attempting to close NetworkClient that has already been closed}.
   */
  static void brokerClosing() {
    set(NETWORK_CLIENT, ch.qos.logback.classic.Level.ERROR);
  }

  private static void set(String name, ch.qos.logback.classic.Level level) {
    if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(level);
    }
  }
}
