package dev.provisioner.tooling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The tooling commands run without Spring, so nothing configures logging: Kafka's clients would
 * print their whole configuration at INFO among the command's own output. Warnings still show.
 */
public final class ClientLogs {

  private ClientLogs() {
  }

  /** Sets the Kafka clients' loggers to WARN when Logback is the SLF4J backend. */
  public static void quiet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("org.apache.kafka").setLevel(Level.WARN);
    }
  }
}
