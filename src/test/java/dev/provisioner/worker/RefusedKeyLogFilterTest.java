package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** Which rollback errors the filter leaves out: only a refused key's, never an unexpected one. */
class RefusedKeyLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger container = context.getLogger(RefusedKeyLogFilter.CONTAINER_LOGGER);

  @Test
  void theContainersRollbackErrorForARefusedKeyIsLeftOut() {
    // Given
    Throwable failure = new ListenerExecutionFailedException("listener failed",
        new SystemicFailureException("the Moment API refused provisioner.api.key", true));

    // When
    FilterReply reply = decide(container, failure);

    // Then
    assertThat(reply).isEqualTo(FilterReply.DENY);
  }

  static Stream<Arguments> otherFailures() {
    return Stream.of(
        Arguments.of("unexpected", new IllegalStateException("a bug")),
        // a batch that outlasted its patience: nothing else says so
        Arguments.of("no operator needed", new SystemicFailureException("batch did not finish within 2m", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherFailures")
  void anyOtherFailuresRollbackErrorIsLoggedWithItsStackTrace(String name, Exception cause) {
    // When
    FilterReply reply = decide(container, new ListenerExecutionFailedException("listener failed", cause));

    // Then
    assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void anotherLoggersErrorIsNeverLeftOut() {
    // Given
    Throwable failure = new SystemicFailureException("the Moment API refused provisioner.api.key", true);

    // When
    FilterReply reply = decide(context.getLogger("dev.provisioner.worker.Other"), failure);

    // Then
    assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
  }

  private static FilterReply decide(Logger logger, Throwable failure) {
    try (RefusedKeyLogFilter filter = RefusedKeyLogFilter.install()) {
      return filter.decide(null, logger, Level.ERROR, "Transaction rolled back", null, failure);
    }
  }
}
