package dev.provisioner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import reactor.netty.ChannelBindException;

/**
 * Says in one line what went wrong, naming the setting or the port at fault.
 *
 * <p>The deepest cause rarely names either ({@code For input string: "abc"}, {@code bind(..)
 * failed with error(-98): Address already in use}), so the cause chain is searched from the outside
 * in for a failure that does: Spring Boot's {@link BindException} (the property, its value and the
 * type it should have had), the web server's {@link PortInUseException} ({@code server.port}) and
 * Reactor Netty's {@link ChannelBindException} (host and port). Otherwise the deepest cause's first
 * line, which for the product's own validation already names the setting.
 */
final class ErrorLines {

  static final String IN_USE = " is already in use; choose another port or stop what uses it";

  /** The value of a setting so named is never shown: it may be a secret. */
  private static final Pattern SECRET = Pattern.compile("key|password|secret|token|credential");

  private ErrorLines() {
  }

  static String describe(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable cause : chain) {
      if (cause instanceof UsageException) {
        return firstLine(cause);
      }
      if (cause instanceof BindException bind) {
        return setting(bind);
      }
      if (cause instanceof PortInUseException taken) {
        return "server.port " + taken.getPort() + IN_USE;
      }
      if (cause instanceof ChannelBindException bind) {
        return listening(bind);
      }
    }
    return firstLine(chain.get(chain.size() - 1));
  }

  /** Whether the failure is bad usage found by a command ({@link UsageException}). */
  static boolean isUsage(Throwable failure) {
    return chain(failure).stream().anyMatch(UsageException.class::isInstance);
  }

  private static String setting(BindException failure) {
    String name = failure.getName().toString();
    String reason = firstLine(root(failure));
    // A settings record that validates itself names the setting already, e.g.
    // "provisioner.worker.in-flight must be at least 1, but was 0" under "provisioner.worker".
    if (reason.contains(name)) {
      return reason;
    }
    ConfigurationProperty property = failure.getProperty();
    if (property != null && property.getName().equals(failure.getName())) {
      String should = name + " must be a valid " + typeName(failure.getTarget());
      return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find()
          ? should + " (the value is not shown)"
          : should + ", but was '" + property.getValue() + "'";
    }
    return name + ": " + reason;
  }

  private static String typeName(Bindable<?> target) {
    Class<?> type = target.getType().resolve();
    return type == null ? target.getType().toString() : type.getSimpleName();
  }

  private static String listening(ChannelBindException failure) {
    String where = "port " + failure.localPort() + " on " + failure.localHost();
    String reason = firstLine(root(failure));
    // The operating system's words, as Spring Boot's PortInUseException reads them too: a bind
    // can also fail for a port below 1024 or an address this machine does not have.
    return reason.toLowerCase(Locale.ROOT).contains("in use")
        ? where + IN_USE
        : "cannot listen on " + where + ": " + reason;
  }

  private static Throwable root(Throwable failure) {
    List<Throwable> chain = chain(failure);
    return chain.get(chain.size() - 1);
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (@Nullable Throwable cause = failure; cause != null && !chain.contains(cause);
        cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  private static String firstLine(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
