package dev.provisioner.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Checks {@code logging.structured.format.console} and {@code .file} before Spring Boot's logging
 * starts, so that a bad value stops the start with one line naming it.
 *
 * <p>Left to Boot, an unknown format's stack trace goes straight to standard error, and a failure
 * this early is reported before the levels that silence Boot's report apply. So logging starts in
 * plain text instead, and the start stops once it has: the caller reports the failure in one line.
 * Accepts what Boot accepts: one of its common formats (any case), or the name of a class
 * implementing {@link StructuredLogFormatter}. One instance checks one start.
 */
final class LogFormatCheck implements ApplicationListener<SpringApplicationEvent>, Ordered {

  static final List<String> SETTINGS = List.of("logging.structured.format.console",
      "logging.structured.format.file");
  /** The IDs of Boot's CommonStructuredLogFormat, which keeps them to itself. */
  static final List<String> COMMON_FORMATS = List.of("ecs", "gelf", "logstash");

  private @Nullable String problem;

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      check(prepared.getEnvironment(), event.getSpringApplication().getClassLoader());
    } else if (event instanceof ApplicationPreparedEvent && problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private void check(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
    Map<String, Object> plainText = new LinkedHashMap<>();
    for (String setting : SETTINGS) {
      String refused = problem(setting, environment.getProperty(setting), classLoader);
      if (refused != null) {
        plainText.put(setting, "");
        problem = problem == null ? refused : problem;
      }
    }
    if (!plainText.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("log-format-check", plainText));
    }
  }

  /** Why Spring Boot would refuse {@code format} as {@code setting}, or null when it would not. */
  static @Nullable String problem(String setting, @Nullable String format,
      @Nullable ClassLoader classLoader) {
    if (format == null || format.isEmpty() || isKnown(format, classLoader)) {
      return null;
    }
    return setting + " must be one of " + String.join(", ", COMMON_FORMATS)
        + " or the class name of a StructuredLogFormatter, but was '" + format + "'";
  }

  private static boolean isKnown(String format, @Nullable ClassLoader classLoader) {
    if (COMMON_FORMATS.stream().anyMatch(format::equalsIgnoreCase)) {
      return true;
    }
    return ClassUtils.isPresent(format, classLoader)
        && StructuredLogFormatter.class.isAssignableFrom(ClassUtils.resolveClassName(format, classLoader));
  }

  /** Before the logging system starts, after the configuration files have been read. */
  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER - 1;
  }
}
