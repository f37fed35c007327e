package dev.provisioner.runtime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Checks {@code server.port} once the configuration is read and before anything starts, so that a
 * port no server can listen on stops the start with one line naming the setting and what it
 * allows. Left to the server, the worker first reaches its broker and then says only
 * {@code port out of range:99999}, which names neither the setting nor the range.
 */
final class ServerPortCheck implements ApplicationListener<ApplicationPreparedEvent> {

  static final String SETTING = "server.port";
  private static final int HIGHEST = 65_535;

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    String problem = problem(event.getApplicationContext().getEnvironment().getProperty(SETTING));
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code value} cannot be {@code server.port}, or null when it can (or is not set). */
  static @Nullable String problem(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= HIGHEST) {
        return null;
      }
    } catch (NumberFormatException notANumber) {
      // refused below, as a value out of range is
    }
    return SETTING + " must be a whole number between 0 and " + HIGHEST + " (0: any free port), but was '"
        + value + "'";
  }
}
