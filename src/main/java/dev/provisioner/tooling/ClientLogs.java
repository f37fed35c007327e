package dev.provisioner.tooling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Kafka clients' logs out of a tooling command's output. The commands run without
 * Spring, so nothing configures logging and Logback's default prints everything on standard
 * output, which is the command's own output (reports, JSON, summaries). A broker that cannot be
 * reached made the clients print hundreds of connection warnings there. The commands report such
 * failures themselves in one line, so only the clients' errors are kept, one line each, on
 * standard error.
 */
public final class ClientLogs {

  private static final String LOGGER = "org.apache.kafka";
  private static final String APPENDER = "kafka-clients-stderr";

  private ClientLogs() {
  }

  /**
   * Sends the Kafka clients' loggers to standard error at ERROR, apart from the other loggers,
   * when Logback is the SLF4J backend. Calling it again changes nothing.
   */
  public static synchronized void quiet() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger kafka = context.getLogger(LOGGER);
    kafka.setLevel(Level.ERROR);
    if (kafka.getAppender(APPENDER) == null) {
      kafka.addAppender(standardError(context));
      kafka.setAdditive(false);
    }
  }

  private static ConsoleAppender<ILoggingEvent> standardError(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    // One line per event, the exception's class, message and first frame included: a client
    // thread dying (e.g. of OutOfMemoryError) printed a whole stack trace among the tool's lines.
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%replace( %ex{short}){'\\s+', ' '}%nopex%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
