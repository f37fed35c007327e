package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A settings record's own check on a value from the environment names the variable too. */
class SettingNamedAsGivenTest {

  /** A settings record that checks itself, as the worker's do. */
  record Pool(int inFlight) {
    Pool {
      if (inFlight < 1) {
        throw new IllegalArgumentException("pool.in-flight must be at least 1, but was " + inFlight);
      }
    }
  }

  @Test
  void aValueFromAnEnvironmentVariableThatTheRecordRefusesIsNamedByTheVariable() {
    // Given POOL_IN_FLIGHT=0 in the environment
    StandardEnvironment environment = environment();
    environment.getPropertySources().addFirst(
        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("POOL_IN_FLIGHT", "0")));
    RuntimeException failure = bindPool(environment);

    // When
    RuntimeException named = SettingNamedAsGiven.of(failure, environment);

    // Then the line names the variable, then the setting, then the record's reason
    assertThat(named).isInstanceOf(SettingNamedAsGiven.class).hasCause(failure)
        .hasMessage("environment variable POOL_IN_FLIGHT (pool.in-flight) must be at least 1, but was 0");
  }

  /** A record shared with a JSON API, as the sandbox's fault settings are. */
  record Faults(long latencyMs) {
    Faults {
      if (latencyMs < 0) {
        throw new IllegalArgumentException("latency_ms must be 0 or more, but was " + latencyMs);
      }
    }
  }

  @Test
  void aFieldNamedAsJsonNamesItByTheVariableAndTheSetting() {
    // Given FAULTS_LATENCY_MS=-1 in the environment
    StandardEnvironment environment = environment();
    environment.getPropertySources().addFirst(
        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("FAULTS_LATENCY_MS", "-1")));
    RuntimeException failure = catchRuntimeException(() -> Binder.get(environment)
        .bind("faults", Bindable.of(Faults.class)));

    // When
    RuntimeException named = SettingNamedAsGiven.of(failure, environment);

    // Then
    assertThat(named).hasMessage("environment variable FAULTS_LATENCY_MS (faults.latency-ms) must be 0 or more, "
        + "but was -1");
  }

  @Test
  void theCommandLineOverridingTheEnvironmentIsNamedAsTheSettingAlone() {
    // Given POOL_IN_FLIGHT=5 in the environment and --pool.in-flight=0 on the command line
    StandardEnvironment environment = environment();
    environment.getPropertySources().addFirst(
        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("POOL_IN_FLIGHT", "5")));
    environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("pool.in-flight", "0")));
    RuntimeException failure = bindPool(environment);

    // When
    RuntimeException named = SettingNamedAsGiven.of(failure, environment);

    // Then the failure is left as it is: the record's own words name the setting given
    assertThat(named).isSameAs(failure);
  }

  @Test
  void aCheckMadeAfterBindingOnAValueFromTheEnvironmentNamesTheVariable() {
    // Given PROVISIONER_API_BASE_URL=notaurl, refused when the API client is built, not when bound
    StandardEnvironment environment = environment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
        Map.of("PROVISIONER_API_BASE_URL", "notaurl")));
    RuntimeException failure = new IllegalStateException("Error creating bean 'accountsApi'",
        new IllegalArgumentException("provisioner.api.base-url must be an absolute http or https URL, "
            + "but was 'notaurl'"));

    // When
    RuntimeException named = SettingNamedAsGiven.of(failure, environment);

    // Then
    assertThat(named).hasMessage("environment variable PROVISIONER_API_BASE_URL (provisioner.api.base-url) "
        + "must be an absolute http or https URL, but was 'notaurl'");
  }

  @Test
  void aFailureThatIsNotARecordsCheckIsLeftAsItIs() {
    // Given a start that failed for another reason
    RuntimeException failure = new IllegalStateException("pool.in-flight: the broker went away");

    // When
    RuntimeException named = SettingNamedAsGiven.of(failure, environment());

    // Then
    assertThat(named).isSameAs(failure);
  }

  private static RuntimeException bindPool(StandardEnvironment environment) {
    RuntimeException failure = catchRuntimeException(() -> Binder.get(environment).bind("pool", Bindable.of(Pool.class)));
    assertThat(failure).as("the record refused the value").isNotNull();
    return failure;
  }

  private static StandardEnvironment environment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    return environment;
  }
}
