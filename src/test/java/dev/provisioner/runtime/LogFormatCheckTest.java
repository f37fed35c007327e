package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/** The structured log formats accepted at start: what Spring Boot accepts, and nothing else. */
class LogFormatCheckTest {

  private static final String CONSOLE = "logging.structured.format.console";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ecs", "ECS", "gelf", "logstash",
      "dev.provisioner.runtime.LogFormatCheckTest$PlainFormatter"})
  void aCommonFormatInAnyCaseOrAFormatterClassIsAccepted(String format) {
    // When
    String problem = LogFormatCheck.problem(CONSOLE, format, getClass().getClassLoader());

    // Then
    assertThat(problem).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bogus", "java.lang.String"})
  void anythingElseIsRefusedNamingTheSettingAndTheValue(String format) {
    // When
    String problem = LogFormatCheck.problem(CONSOLE, format, getClass().getClassLoader());

    // Then
    assertThat(problem).isEqualTo(CONSOLE + " must be one of ecs, gelf, logstash or the class name "
        + "of a StructuredLogFormatter, but was '" + format + "'");
  }

  /** A formatter of the application's own, named by its class. */
  public static final class PlainFormatter implements StructuredLogFormatter<Object> {
    @Override
    public String format(Object event) {
      return String.valueOf(event);
    }
  }
}
