package dev.provisioner.runtime;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A settings record's own check failed on a value from the environment: the same line, naming the
 * environment variable the value came from as well as the setting.
 *
 * <p>A record that checks itself ({@code provisioner.worker.in-flight must be at least 1, but was
 * 0}) names the property, for it cannot know where its value came from; an operator who wrote
 * {@code PROVISIONER_WORKER_IN_FLIGHT=0} in a Compose file looks for that name. Spring Boot's
 * failure says only which record failed, so the setting is read from the start of the record's
 * message and looked up in the environment the start was read from.
 */
public final class SettingNamedAsGiven extends IllegalArgumentException {

  private static final Pattern JSON_FIELD = Pattern.compile("[a-z]+(?:_[a-z]+)+");

  private SettingNamedAsGiven(String message, Throwable cause) {
    super(message, cause);
  }

  /** The failure, or one naming the environment variable when a record's check refused its value. */
  static RuntimeException of(RuntimeException failure, @Nullable ConfigurableEnvironment environment) {
    if (environment == null) {
      return failure;
    }
    List<Throwable> chain = Causes.chain(failure);
    String reason = firstLine(chain.get(chain.size() - 1));
    Optional<String> setting = chain.stream().filter(BindException.class::isInstance)
        .map(BindException.class::cast).findFirst()
        .flatMap(record -> settingOpening(reason, record.getName().toString()))
        .or(() -> checkedAfterBinding(reason));
    if (setting.isEmpty()) {
      return failure;
    }
    String named = setting.get();
    return variableOf(named, environment)
        .<RuntimeException>map(variable -> new SettingNamedAsGiven("environment variable " + variable + " ("
            + named + ")" + reason.substring(reason.indexOf(' ')), failure))
        .orElse(failure);
  }

  /**
   * The setting a record's check names first, under the record's {@code prefix}: the first word of
   * {@code reason} when it is a setting under it, or a field as a JSON API names it ({@code
   * latency_ms must be ...} under {@code sandbox.faults}: {@code sandbox.faults.latency-ms}).
   */
  public static Optional<String> settingOpening(String reason, String prefix) {
    int space = reason.indexOf(' ');
    if (space < 1) {
      return Optional.empty();
    }
    String first = reason.substring(0, space);
    if (first.startsWith(prefix + ".")) {
      return Optional.of(first);
    }
    return JSON_FIELD.matcher(first).matches()
        ? Optional.of(prefix + "." + first.replace('_', '-'))
        : Optional.empty();
  }

  /**
   * The setting a check made after binding names first ({@code provisioner.api.base-url must be an
   * absolute http or https URL}, when the API client is built): its first word, when that is a
   * property name. It is named by its variable only when the environment gave its value.
   */
  private static Optional<String> checkedAfterBinding(String reason) {
    int space = reason.indexOf(' ');
    String first = space < 1 ? "" : reason.substring(0, space);
    return first.indexOf('.') > 0 && ConfigurationPropertyName.isValid(first)
        ? Optional.of(first) : Optional.empty();
  }

  private static String firstLine(Throwable cause) {
    @Nullable String message = cause.getMessage();
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static Optional<String> variableOf(String setting, ConfigurableEnvironment environment) {
    if (!ConfigurationPropertyName.isValid(setting)) {
      return Optional.empty();
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.of(setting);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      @Nullable ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null) {
        // The first source that has it is the one its value came from.
        return Optional.ofNullable(SettingOrigins.environmentVariable(property.getOrigin()));
      }
    }
    return Optional.empty();
  }
}
