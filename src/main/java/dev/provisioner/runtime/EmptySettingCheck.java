package dev.provisioner.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a documented setting given with an empty value ({@code --provisioner.api.connect-timeout=},
 * or {@code PROVISIONER_API_CONNECT_TIMEOUT=} from a Compose file whose variable is unset).
 *
 * <p>Spring Boot binds an empty value as no value: the default applied without a word, and for
 * some settings a failure later in Kafka's words ({@code No group.id found in consumer config}).
 * The line names the setting as it was given: the environment variable when it came from there.
 * {@code sandbox.api-key} is left alone: empty is its documented "any {@code sk_} key".
 */
final class EmptySettingCheck implements ApplicationListener<ApplicationPreparedEvent> {

  private static final List<ConfigurationPropertyName> PREFIXES = List.of(
      ConfigurationPropertyName.of("provisioner"), ConfigurationPropertyName.of("sandbox"));
  /** The {@code spring.kafka.*} settings the README lists; {@code server.port} has its own check. */
  private static final List<ConfigurationPropertyName> SETTINGS = List.of(
      ConfigurationPropertyName.of("spring.kafka.bootstrap-servers"),
      ConfigurationPropertyName.of("spring.kafka.consumer.group-id"),
      ConfigurationPropertyName.of("spring.kafka.consumer.max-poll-records"),
      ConfigurationPropertyName.of("spring.kafka.listener.concurrency"),
      ConfigurationPropertyName.of("spring.kafka.listener.auth-exception-retry-interval"),
      ConfigurationPropertyName.of("spring.kafka.producer.transaction-id-prefix"));
  private static final ConfigurationPropertyName EMPTY_ALLOWED = ConfigurationPropertyName.of("sandbox.api-key");

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    problem(event.getApplicationContext().getEnvironment()).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /** Why the first documented setting given empty cannot be, if one is. */
  static Optional<String> problem(ConfigurableEnvironment environment) {
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      Stream<ConfigurationPropertyName> named = Stream.concat(SETTINGS.stream(),
          source instanceof IterableConfigurationPropertySource all
              ? all.stream().filter(EmptySettingCheck::isUnderAPrefix) : Stream.empty());
      Optional<String> problem = named.map(source::getConfigurationProperty)
          .filter(EmptySettingCheck::isEmpty).findFirst().map(EmptySettingCheck::describe);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static boolean isUnderAPrefix(ConfigurationPropertyName name) {
    return !name.equals(EMPTY_ALLOWED) && PREFIXES.stream().anyMatch(prefix -> prefix.isAncestorOf(name));
  }

  private static boolean isEmpty(@Nullable ConfigurationProperty property) {
    return property != null && property.getValue() instanceof CharSequence value && value.toString().isBlank();
  }

  private static String describe(ConfigurationProperty property) {
    // An environment variable's name maps to a property name only roughly (every '_' a '.').
    String variable = SettingOrigins.environmentVariable(property.getOrigin());
    String given = variable != null ? "environment variable " + variable : property.getName().toString();
    return given + " must not be empty: give it a value, or leave it out to take its default if it has one";
  }
}
