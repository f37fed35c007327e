package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which {@code provisioner.*} names stop the start, and from which sources. */
class UnknownSettingCheckTest {

  @Test
  void acceptsEverySettingTheReadmeListsInAnyFormSpringBootBinds() {
    // Given
    StandardEnvironment environment = environment(new MapPropertySource("commandLineArgs", Map.of(
        "provisioner.api.base-url", "http://x", "provisioner.api.allowLiveKey", "true",
        "provisioner.worker.inflight", "3", "provisioner.topics.dead-letters", "d",
        "provisioner.resilience.max-batch-wait", "1m")));
    // When / Then
    assertThat(UnknownSettingCheck.problem(environment)).isEmpty();
  }

  @Test
  void leavesEnvironmentVariablesAloneAsKubernetesSetsServiceVariablesUnderThePrefix() {
    // Given: a Kubernetes service named "provisioner"
    StandardEnvironment environment = environment(new SystemEnvironmentPropertySource("systemEnvironment",
        Map.of("PROVISIONER_SERVICE_HOST", "10.0.0.1", "PROVISIONER_PORT", "tcp://10.0.0.1:8081")));
    // When / Then
    assertThat(UnknownSettingCheck.problem(environment)).isEmpty();
  }

  @Test
  void refusesAMisspeltSettingInAPropertiesFile() {
    // Given
    StandardEnvironment environment = environment(new MapPropertySource("applicationConfig",
        Map.of("provisioner.topics.replys", "r")));
    // When / Then
    assertThat(UnknownSettingCheck.problem(environment)).hasValue("provisioner.topics.replys is not a "
        + "setting of the worker; its provisioner.topics.* settings are commands, replies, dead-letters, "
        + "partitions, replication");
  }

  private static StandardEnvironment environment(org.springframework.core.env.PropertySource<?> source) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(source);
    return environment;
  }
}
