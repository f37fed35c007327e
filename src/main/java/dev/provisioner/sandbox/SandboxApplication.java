package dev.provisioner.sandbox;

import dev.provisioner.runtime.SpringLauncher;
import dev.provisioner.sandbox.admin.AdminApi;
import dev.provisioner.sandbox.billing.BillingApi;
import dev.provisioner.sandbox.billing.BillingStore;
import dev.provisioner.sandbox.core.SandboxClock;
import dev.provisioner.sandbox.gateway.Auth;
import dev.provisioner.sandbox.gateway.Faults;
import dev.provisioner.sandbox.gateway.Gateway;
import dev.provisioner.sandbox.gateway.IdempotencyStore;
import dev.provisioner.sandbox.gateway.Stats;
import dev.provisioner.sandbox.http.FrontDoor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The sandbox as a Spring application of its own: settings binding and wiring only, with no
 * auto-configuration at all (no Kafka, no web framework); its HTTP server is Reactor Netty's.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({SandboxProperties.class, SandboxProperties.StartupOutage.class})
public class SandboxApplication {

  /** Starts the sandbox on {@code port} (0: a free one); {@code args} override any setting. */
  public static ConfigurableApplicationContext start(int port, List<String> args) {
    return SpringLauncher.start(SandboxApplication.class, WebApplicationType.NONE,
        Map.of("server.port", port, "spring.application.name", "sandbox"), args);
  }

  @Bean
  SandboxClock sandboxClock() {
    return new SandboxClock(Clock.systemUTC());
  }

  @Bean
  BillingStore billingStore() {
    return new BillingStore();
  }

  @Bean
  IdempotencyStore idempotencyStore(SandboxClock clock, SandboxProperties properties) {
    return new IdempotencyStore(clock, properties.idempotencyTtl(), properties.idempotencyMaxKeys());
  }

  @Bean(destroyMethod = "dispose")
  Disposable idempotencyEviction(IdempotencyStore store) {
    return Schedulers.parallel().schedulePeriodically(store::evictExpired, 1, 1,
        java.util.concurrent.TimeUnit.MINUTES);
  }

  @Bean
  Faults faults(SandboxProperties properties, SandboxProperties.StartupOutage outage,
      SandboxClock clock) {
    Faults faults = new Faults(properties.faults(), clock);
    if (outage.seconds() > 0) {
      faults.startOutage(Duration.ofSeconds(outage.seconds()), outage.mode());
    }
    return faults;
  }

  @Bean
  Stats stats() {
    return new Stats();
  }

  @Bean(destroyMethod = "close")
  SandboxServer sandboxServer(SandboxProperties properties, SandboxClock clock,
      BillingStore billing, IdempotencyStore idempotency, Faults faults, Stats stats,
      Environment environment) {
    Gateway gateway = new Gateway(new Auth(properties.apiKey()), idempotency, faults, stats,
        new BillingApi(billing, properties.limits()));
    AdminApi admin = new AdminApi(billing, idempotency, stats, faults, clock);
    FrontDoor frontDoor = new FrontDoor(gateway, admin, properties.maxBodySize().toBytes());
    int port = environment.getProperty("server.port", Integer.class, 0);
    return SandboxServer.start(properties.host(), port, frontDoor);
  }
}
