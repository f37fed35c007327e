package dev.provisioner.worker;

import dev.provisioner.runtime.SpringLauncher;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The production worker as a Spring application: reads {@code worker.properties}, then the
 * environment and the command line, and serves health and metrics on its management port.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({WorkerSettings.class, ListenerSettings.class,
    ListenerSettings.Consumer.class})
@Import({WorkerConfiguration.class, LogConfiguration.class, ActuatorSecrets.class})
public class WorkerApplication {

  public static ConfigurableApplicationContext start(List<String> args) {
    return start(args, context -> { });
  }

  /**
   * Starts the worker with {@code initializer} run on its context first: a bean it registers as
   * the {@link dev.provisioner.accounts.AccountsApi} replaces the Vert.x client (the benchmark's
   * {@code worker-no-api} mode does so).
   */
  public static ConfigurableApplicationContext start(List<String> args,
      ApplicationContextInitializer<GenericApplicationContext> initializer) {
    return SpringLauncher.start(WorkerApplication.class, WebApplicationType.REACTIVE,
        Map.of("spring.config.name", "worker"), args, new UnknownSettingCheck(), initializer);
  }
}
