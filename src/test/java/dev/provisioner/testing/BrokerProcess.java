package dev.provisioner.testing;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code broker} command of the packaged jar in its own process, on a fixed port and data
 * directory, so that a test can {@code kill -9} it or stop it and start it again on the same
 * address while the code under test keeps running: for {@code *IT} classes.
 */
public final class BrokerProcess implements AutoCloseable {

  /** The line the command prints once clients can connect. */
  public static final String READY = "^broker ready on (localhost:\\d+) \\(data in (.+)\\)$";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final int port;
  private final Path dataDir;
  private final Path logDir;
  private JarProcess process;

  private BrokerProcess(int port, Path dataDir, Path logDir) {
    this.port = port;
    this.dataDir = dataDir;
    this.logDir = logDir;
    this.process = launch();
  }

  /** Starts a broker on a free port with its data in {@code workDir/data}; waits until ready. */
  public static BrokerProcess start(Path workDir) {
    return new BrokerProcess(FreePorts.any(), workDir.resolve("data"), workDir.resolve("logs"));
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** {@code kill -9} the broker; its data stays in the data directory. */
  public void kill9() {
    process.kill9();
  }

  /** SIGTERM; returns the exit code (143 once the broker has shut down cleanly). */
  public int terminate() {
    return process.terminate(STOP_TIMEOUT);
  }

  /** Starts the broker again on the same port and data directory; waits until ready. */
  public void restart() {
    process.close();
    process = launch();
  }

  /** The current process, for its output and state. */
  public JarProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "broker on " + bootstrapServers() + ", " + process;
  }

  private JarProcess launch() {
    JarProcess started = JarProcess.start(logDir, "broker", "--port=" + port, "--data-dir=" + dataDir);
    try {
      started.awaitOutput(READY, START_TIMEOUT);
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }
}
