package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The wait of the listener containers' shutdown phase: Spring's, unless a call in flight, a retry's
 * back-off and the publishing may take longer.
 */
class ShutdownTimeoutsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Binding.class);

  @ParameterizedTest(name = "{0} -> stop wait {1}, phase {2}")
  @CsvSource(delimiter = '|', value = {
      "''                                                                      | 28s | 30s",
      "provisioner.api.request-timeout=40s                                     | 58s | 58s",
      "provisioner.resilience.max-backoff=30s                                  | 48s | 48s",
      "provisioner.api.request-timeout=40s,spring.lifecycle.timeout-per-shutdown-phase=2m | 58s | 2m",
      "spring.lifecycle.timeout-per-shutdown-phase=3s                          | 28s | 28s"})
  void theListenerPhaseWaitsAsLongAsTheSettingsLetABatchRunOnceStopped(String settings, String stopWait,
      String phase) {
    // Given the settings
    runner.withPropertyValues(settings.isBlank() ? new String[0] : settings.split(",")).run(context -> {
      // When the timeouts are derived from them
      ShutdownTimeouts timeouts = ShutdownTimeouts.of(context.getBean(WorkerSettings.class),
          Binder.get(context.getEnvironment()));

      // Then
      assertThat(timeouts.stopWait()).isEqualTo(DurationStyle.detectAndParse(stopWait));
      assertThat(timeouts.listenerPhaseTimeout()).isEqualTo(DurationStyle.detectAndParse(phase));
    });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WorkerSettings.class)
  static class Binding {
  }
}
