package dev.provisioner.worker;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the actuator's {@code env} and {@code configprops} endpoints show of the API key: never
 * the key. Spring Boot hides every value unless {@code show-values} says otherwise; this keeps the
 * key hidden when it does, for an operator who turns values on to debug a setting.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecrets {

  /**
   * Masks any value holding the key, whatever its name: besides {@code provisioner.api.key} and
   * {@code PROVISIONER_API_KEY}, the system property {@code sun.java.command} holds it when it was
   * given as {@code --provisioner.api.key=...}.
   */
  @Bean
  SanitizingFunction apiKeyHidden(WorkerSettings settings) {
    String key = settings.api().key();
    return SanitizingFunction.sanitizeValue()
        .ifValueStringMatches(value -> key != null && !key.isEmpty() && value.contains(key));
  }
}
