package dev.provisioner.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Asks the broker for its cluster ID before a command relies on it. Without this, a client aimed
 * at a broker that is not there waits out its own timeouts (a producer's {@code max.block.ms}
 * per send, an admin client's 60 s per call) and says nothing meanwhile. Asking first gives one
 * answer within {@link #TIMEOUT}, which names the setting and the address.
 */
public final class BrokerCheck {

  /**
   * Long enough for a broker that is up but busy, or for a leader election, short enough that a
   * wrong address is reported while the operator still waits for it.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** Warns once a second per client while no broker answers ("could not be established"). */
  private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

  private BrokerCheck() {
  }

  /**
   * Returns when the broker answers; else throws {@link BrokerUnreachableException}.
   *
   * @param setting the setting that gave the address, as the user typed it, for the message
   * @param clientConfig the Kafka client's configuration, {@code bootstrap.servers} and any
   *     security settings included; its timeouts are replaced by {@link #TIMEOUT}
   */
  public static void requireReachable(String setting, Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    String address = address(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    LoggingSystem logging = LoggingSystem.get(BrokerCheck.class.getClassLoader());
    LoggerConfiguration networkClient = logging.getLoggerConfiguration(NETWORK_CLIENT);
    // The answer, or its absence, is this check's one line: not a warning a second meanwhile.
    logging.setLogLevel(NETWORK_CLIENT, LogLevel.ERROR);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId().get();
    } catch (ExecutionException e) {
      throw unreachable(setting, address, e.getCause());
    } catch (KafkaException e) {
      // thrown by Admin.create: an address that does not parse or resolve
      throw unreachable(setting, address, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + address + " for its cluster ID", e);
    } finally {
      logging.setLogLevel(NETWORK_CLIENT, networkClient == null ? null : networkClient.getConfiguredLevel());
    }
  }

  /** {@code bootstrap.servers} as typed: Spring Boot gives it as a list. */
  private static String address(Object servers) {
    return servers instanceof Collection<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(servers);
  }

  private static BrokerUnreachableException unreachable(String setting, String address, Throwable error) {
    if (error instanceof TimeoutException) {
      return new BrokerUnreachableException(setting, address, TIMEOUT, null);
    }
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new BrokerUnreachableException(setting, address, TIMEOUT, reason);
  }
}
