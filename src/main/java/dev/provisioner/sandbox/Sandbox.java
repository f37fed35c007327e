package dev.provisioner.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running sandbox of the Moment accounts API, started in-process by tests, demos and the
 * {@code sandbox} command; {@link #close()} stops it and frees its port.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start("--sandbox.faults.latency-ms=50")) {
 *   URI api = sandbox.baseUrl(); // http://localhost:PORT
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;

  private Sandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = context.getBean(SandboxServer.class).port();
  }

  /**
   * Starts a sandbox on a free port, unless {@code --port=N} or {@code --server.port=N} is given;
   * any {@code --sandbox.*=value} setting applies (see the README).
   */
  public static Sandbox start(String... springArgs) {
    List<String> args = dev.provisioner.runtime.SpringLauncher.rename(List.of(springArgs),
        Map.of("port", "server.port"));
    return new Sandbox(SandboxApplication.start(0, args));
  }

  /** {@code http://localhost:PORT}, the base URL of the billing API and of {@code /_sandbox/}. */
  public URI baseUrl() {
    return URI.create("http://localhost:" + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    context.close();
  }
}
