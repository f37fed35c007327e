package dev.provisioner.cli;

import java.util.List;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * The in-process broker logs through loggers of its own ({@code kafka}, {@code
 * state.change.logger}) besides the clients' {@code org.apache.kafka}: at INFO that is over a
 * thousand lines per start. The commands that run a broker show only its warnings by default.
 */
final class KafkaLogging {

  private static final List<String> LOGGERS = List.of("kafka", "org.apache.kafka",
      "state.change.logger");

  private KafkaLogging() {
  }

  /** Spring Boot's console log format, Kafka's loggers at {@code level}, before any context. */
  static void configure(LogLevel level) {
    LoggingSystem logging = LoggingSystem.get(KafkaLogging.class.getClassLoader());
    logging.beforeInitialize();
    logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    LOGGERS.forEach(logger -> logging.setLogLevel(logger, level));
  }

  /**
   * The same levels as Spring Boot arguments, for each application context started in the same
   * JVM: every context sets the shared logging up again from its own properties.
   */
  static List<String> warningsOnlyArgs() {
    return LOGGERS.stream().map(logger -> "--logging.level." + logger + "=WARN").toList();
  }
}
