package dev.provisioner.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A real single-node Kafka broker in KRaft mode, broker and controller in one, running in this
 * JVM and reachable at {@code localhost:PORT} without authentication.
 *
 * <p>Promises: consumer groups and transactions work on the single node (every replication factor
 * and minimum ISR is 1). Given a data directory, topics and records survive {@link #close()} and a
 * new {@code start} on the same directory, and a {@code kill -9} of the process; without one, the
 * data lives in a temporary directory deleted on close. Start-up returns once the broker accepts
 * clients.
 */
public final class LocalBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalBroker.class);
  private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDir;
  private final boolean temporary;
  private final DataDirLock lock;
  private boolean closed;

  private LocalBroker(KafkaRaftServer server, int port, Path dataDir, boolean temporary,
      DataDirLock lock) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.lock = lock;
  }

  /**
   * Starts a broker on {@code port} (0 picks a free one) keeping its data in {@code dataDir}
   * (null: a temporary directory deleted on close).
   *
   * @throws BrokerStartException when the port is taken or the directory cannot be used
   */
  public static LocalBroker start(int port, @Nullable Path dataDir) {
    return builder().port(port).dataDir(dataDir).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return Ports.HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the broker down and waits for it; deletes the data only if it was temporary. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    shutDownQuietly();
    log.info("broker on port {} stopped in {} ms", port, (System.nanoTime() - started) / 1_000_000);
    lock.close();
    if (temporary) {
      KraftStorage.delete(dataDir);
    }
  }

  /**
   * Stops the server. Kafka's broker closes its controller channel's client twice on the way and
   * warns about it ("Attempting to close NetworkClient that has already been closed"): noise, not a
   * fault, hidden for the shutdown only.
   */
  private void shutDownQuietly() {
    LoggingSystem logging = LoggingSystem.get(LocalBroker.class.getClassLoader());
    LoggerConfiguration before = logging.getLoggerConfiguration(NETWORK_CLIENT);
    logging.setLogLevel(NETWORK_CLIENT, LogLevel.ERROR);
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      logging.setLogLevel(NETWORK_CLIENT, before == null ? null : before.getConfiguredLevel());
    }
  }

  /** Settings of a broker to start; {@link #property} passes any Kafka server property through. */
  public static final class Builder {
    private int port;
    private @Nullable Path dataDir;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder() {
    }

    /** The client port on localhost; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Where the data lives and survives restarts; null (the default) is a temporary directory. */
    public Builder dataDir(@Nullable Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** A Kafka server property that replaces the default of the same name, e.g. for SASL. */
    public Builder property(String name, String value) {
      properties.put(name, value);
      return this;
    }

    public LocalBroker start() {
      boolean temporary = dataDir == null;
      Path dir = temporary ? KraftStorage.temporaryDirectory() : dataDir.toAbsolutePath();
      DataDirLock lock = null;
      try {
        lock = DataDirLock.acquire(dir);
        return startIn(dir, temporary, lock);
      } catch (RuntimeException e) {
        if (lock != null) {
          lock.close();
        }
        if (temporary) {
          KraftStorage.delete(dir);
        }
        throw e;
      }
    }

    private LocalBroker startIn(Path dir, boolean temporary, DataDirLock lock) {
      int clientPort = port == 0 ? Ports.free() : port;
      if (!Ports.isFree(clientPort)) {
        throw new BrokerStartException("port " + clientPort + " on " + Ports.HOST
            + " is already in use; choose another port or stop what uses it");
      }
      KraftStorage.formatIfNew(dir);
      Properties props = KraftSettings.of(clientPort, Ports.free(), dir, properties);
      long started = System.nanoTime();
      KafkaRaftServer server = startServer(props, dir);
      log.info("KRaft broker started on {}:{} in {} ms (data in {})", Ports.HOST, clientPort,
          (System.nanoTime() - started) / 1_000_000, dir);
      return new LocalBroker(server, clientPort, dir, temporary, lock);
    }

    private static KafkaRaftServer startServer(Properties props, Path dir) {
      KafkaRaftServer server;
      try {
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      } catch (RuntimeException e) {
        throw new BrokerStartException("cannot start a broker on " + dir + ": " + e.getMessage(), e);
      }
      try {
        server.startup();
        return server;
      } catch (RuntimeException e) {
        server.shutdown();
        server.awaitShutdown();
        throw new BrokerStartException("the broker on " + dir + " failed to start: "
            + e.getMessage(), e);
      }
    }
  }
}
