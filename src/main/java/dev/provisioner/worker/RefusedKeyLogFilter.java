package dev.provisioner.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Leaves out spring-kafka's {@code Transaction rolled back} ERROR, stack trace and all, when the
 * batch failed because the Moment API refused the key: {@link CommandListener} has said so in one
 * line already, and the stack trace says nothing an operator can act on. The container logs every
 * rollback at ERROR with no setting to change that, so the event is dropped here; any other
 * failure's rollback, unexpected ones above all, is logged as before, with its stack trace.
 *
 * <p>Installed on Logback's context once the worker's logging is set up; {@link #close()} removes
 * it. A later start of another Spring application in the same JVM resets the logging, and this
 * filter with it.
 */
final class RefusedKeyLogFilter extends TurboFilter implements AutoCloseable {

  /** The logger of spring-kafka's listener container, whose consumers roll batches back. */
  static final String CONTAINER_LOGGER = "org.springframework.kafka.listener.KafkaMessageListenerContainer";

  private final @Nullable LoggerContext context;

  private RefusedKeyLogFilter(@Nullable LoggerContext context) {
    this.context = context;
  }

  /** Adds the filter to Logback's context; does nothing when another logging system is in use. */
  static RefusedKeyLogFilter install() {
    LoggerContext context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
    RefusedKeyLogFilter filter = new RefusedKeyLogFilter(context);
    if (context != null) {
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
    return filter;
  }

  @Override
  public FilterReply decide(@Nullable Marker marker, @Nullable Logger logger, @Nullable Level level,
      @Nullable String format, Object @Nullable [] params, @Nullable Throwable failure) {
    boolean refusedKeyRollback = logger != null && CONTAINER_LOGGER.equals(logger.getName())
        && Level.ERROR.equals(level) && needsOperator(failure);
    return refusedKeyRollback ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /** Whether a {@link SystemicFailureException} that needs an operator is in the cause chain. */
  static boolean needsOperator(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SystemicFailureException systemic && systemic.needsOperator()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (context != null) {
      context.getTurboFilterList().remove(this);
    }
    stop();
  }
}
