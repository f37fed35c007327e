package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A documented setting given empty is refused, named as it was given; empty is not "unset". */
class EmptySettingCheckTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"provisioner.api.connect-timeout", "provisioner.topics.partitions",
      "sandbox.idempotency-ttl", "spring.kafka.consumer.group-id", "spring.kafka.bootstrap-servers",
      "spring.kafka.producer.transaction-id-prefix"})
  void anEmptyValueOnTheCommandLineIsRefusedNamingTheSetting(String setting) {
    // Given --setting=
    StandardEnvironment environment = environmentWith(new MapPropertySource("commandLineArgs",
        Map.of(setting, "")));

    // When
    var problem = EmptySettingCheck.problem(environment);

    // Then
    assertThat(problem).hasValue(setting + " must not be empty: give it a value, or leave it out to take "
        + "its default if it has one");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PROVISIONER_API_CONNECT_TIMEOUT", "SPRING_KAFKA_CONSUMER_GROUP_ID",
      "PROVISIONER_API_KEY"})
  void anEmptyEnvironmentVariableIsRefusedNamingTheVariable(String variable) {
    // Given VARIABLE= (as Compose passes a variable that is unset where it runs)
    StandardEnvironment environment = environmentWith(new SystemEnvironmentPropertySource("systemEnvironment",
        Map.of(variable, "")));

    // When
    var problem = EmptySettingCheck.problem(environment);

    // Then
    assertThat(problem).hasValue("environment variable " + variable + " must not be empty: give it a value, "
        + "or leave it out to take its default if it has one");
  }

  @Test
  void anEmptySandboxApiKeyIsItsDocumentedAnyKeyAndPasses() {
    // Given
    StandardEnvironment environment = environmentWith(new MapPropertySource("commandLineArgs",
        Map.of("sandbox.api-key", "", "provisioner.api.connect-timeout", "2s")));

    // When
    var problem = EmptySettingCheck.problem(environment);

    // Then
    assertThat(problem).isEmpty();
  }

  private static StandardEnvironment environmentWith(PropertySource<?> source) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(source);
    return environment;
  }
}
