package dev.provisioner.sandbox;

import dev.provisioner.runtime.SpringLauncher;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/** The sandbox as a Spring application of its own. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
public class SandboxApplication {

  public static ConfigurableApplicationContext start(int port, List<String> args) {
    return SpringLauncher.start(SandboxApplication.class, WebApplicationType.REACTIVE,
        Map.of("server.port", port, "spring.application.name", "sandbox"), args);
  }
}
