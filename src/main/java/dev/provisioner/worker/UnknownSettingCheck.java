package dev.provisioner.worker;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses a {@code provisioner.*} setting the worker does not have, given on the command line, as
 * a system property or in a properties file ({@code --provisioner.resilience.max-atempts=3}).
 * Spring Boot ignores names it cannot bind, so a misspelt setting left its default in force
 * without a word. Names compare as Spring Boot binds them ({@code inFlight}, {@code in-flight}).
 *
 * <p>Environment variables are not checked: Kubernetes gives each pod {@code <SERVICE>_PORT} and
 * {@code <SERVICE>_SERVICE_HOST} variables for every service of its namespace, and a service
 * named {@code provisioner} would then stop every start.
 */
final class UnknownSettingCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String ROOT = "provisioner";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    problem(context.getEnvironment()).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /** Why the first unknown {@code provisioner.*} setting given is not one, if one is. */
  static Optional<String> problem(ConfigurableEnvironment environment) {
    ConfigurationPropertyName root = ConfigurationPropertyName.of(ROOT);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
          || !(source instanceof IterableConfigurationPropertySource names)) {
        continue;
      }
      Optional<String> problem = names.stream().filter(root::isAncestorOf)
          .map(UnknownSettingCheck::defect).flatMap(Optional::stream).findFirst();
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> defect(ConfigurationPropertyName name) {
    Optional<RecordComponent> group = name.getNumberOfElements() < 2 ? Optional.empty()
        : component(WorkerSettings.class, name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
    if (group.isEmpty()) {
      return Optional.of(name + " is not a setting of the worker; its " + ROOT + ".* settings are "
          + listed(WorkerSettings.class, ".*"));
    }
    boolean known = name.getNumberOfElements() == 3
        && component(group.get().getType(), name.getElement(2, ConfigurationPropertyName.Form.UNIFORM)).isPresent();
    String prefix = ROOT + "." + dashed(group.get());
    return known ? Optional.empty() : Optional.of(name + " is not a setting of the worker; its "
        + prefix + ".* settings are " + listed(group.get().getType(), ""));
  }

  /** The record component whose name is {@code uniform} in Spring Boot's uniform form. */
  private static Optional<RecordComponent> component(Class<?> record, String uniform) {
    return Arrays.stream(record.getRecordComponents())
        .filter(component -> ConfigurationPropertyName.of(dashed(component))
            .equals(ConfigurationPropertyName.of(uniform)))
        .findFirst();
  }

  private static String listed(Class<?> record, String suffix) {
    List<String> names = Arrays.stream(record.getRecordComponents())
        .map(component -> dashed(component) + suffix).toList();
    return names.stream().collect(Collectors.joining(", "));
  }

  private static String dashed(RecordComponent component) {
    return DataObjectPropertyName.toDashedForm(component.getName());
  }
}
