package dev.provisioner.cli;

import dev.provisioner.runtime.Causes;
import dev.provisioner.runtime.SettingNamedAsGiven;
import dev.provisioner.runtime.SettingOrigins;
import dev.provisioner.runtime.UrlText;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.util.unit.DataSize;
import reactor.netty.ChannelBindException;

/**
 * Says in one line what went wrong, naming the setting or the port at fault.
 *
 * <p>The deepest cause rarely names either ({@code For input string: "abc"}, {@code bind(..)
 * failed with error(-98): Address already in use}), so the cause chain is searched from the outside
 * in for a failure that does: Spring Boot's {@link BindException} (the property, its value and
 * what its type accepts), the web server's {@link PortInUseException} ({@code server.port}) and
 * Reactor Netty's {@link ChannelBindException} (host and port). Otherwise the deepest cause's first
 * line, which for the product's own validation already names the setting.
 */
final class ErrorLines {

  static final String IN_USE = " is already in use; choose another port or stop what uses it";

  /** The value of a setting so named is never shown, unless it is a boolean: it may be a secret. */
  private static final Pattern SECRET = Pattern.compile("key|password|secret|token|credential");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Map<Class<?>, String> WHOLE_NUMBERS = Map.of(
      int.class, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
      Integer.class, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
      long.class, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE,
      Long.class, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE,
      short.class, "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE,
      Short.class, "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE);
  private static final Map<Class<?>, String> ALLOWED = Map.of(
      boolean.class, "true or false",
      Boolean.class, "true or false",
      float.class, "a number",
      double.class, "a number",
      Duration.class, "a duration such as 500ms, 10s, 2m or 24h",
      DataSize.class, "a size such as 512KB or 1MB",
      URI.class, "a URL");

  private ErrorLines() {
  }

  static String describe(Throwable failure) {
    List<Throwable> chain = Causes.chain(failure);
    for (Throwable cause : chain) {
      if (cause instanceof UsageException || cause instanceof SettingNamedAsGiven) {
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
    return Causes.chain(failure).stream().anyMatch(UsageException.class::isInstance);
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
      Class<?> type = failure.getTarget().getType().resolve();
      String variable = SettingOrigins.environmentVariable(property.getOrigin());
      String given = variable == null ? name : "environment variable " + variable + " (" + name + ")";
      String should = given + " must be " + allowed(type, failure.getTarget(), property.getValue());
      boolean secret = SECRET.matcher(name.toLowerCase(Locale.ROOT)).find()
          && type != boolean.class && type != Boolean.class;
      return secret ? should + " (the value is not shown)"
          : should + ", but was '" + shown(type, property.getValue()) + "'";
    }
    // A record shared with a JSON API names its field as JSON does ("latency_ms must be 0 or
    // more" under "sandbox.faults"): the setting is that field under the record's prefix.
    Optional<String> field = SettingNamedAsGiven.settingOpening(reason, name);
    if (field.isPresent()) {
      return field.get() + reason.substring(reason.indexOf(' '));
    }
    return name + ": " + reason;
  }

  /**
   * What a setting of {@code type} accepts, in the words of the README's settings tables. A whole
   * number's range is the type's, wider than most settings allow (each says its own when the number
   * is out of it), so it is given only for a number too large for the type.
   */
  private static String allowed(@Nullable Class<?> type, Bindable<?> target, @Nullable Object value) {
    if (type == null) {
      return "a valid " + target.getType();
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .collect(Collectors.joining(", "));
    }
    String wholeNumber = WHOLE_NUMBERS.get(type);
    if (wholeNumber != null) {
      return value != null && INTEGER.matcher(value.toString().trim()).matches() ? wholeNumber : "a whole number";
    }
    return ALLOWED.getOrDefault(type, "a valid " + type.getSimpleName());
  }

  /** A URL's user info, query and fragment may hold a password or the API key: they are masked. */
  private static String shown(@Nullable Class<?> type, @Nullable Object value) {
    String text = String.valueOf(value);
    return type == URI.class ? UrlText.masked(text) : text;
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
    List<Throwable> chain = Causes.chain(failure);
    return chain.get(chain.size() - 1);
  }

  private static String firstLine(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
