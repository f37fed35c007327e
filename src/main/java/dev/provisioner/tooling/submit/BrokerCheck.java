package dev.provisioner.tooling.submit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Asks the broker for its cluster ID before anything is sent. Without this, a producer aimed at a
 * broker that is not there blocks each send for {@code max.block.ms} and then fails it: minutes
 * for a few rows, and a wrong address looks like failed rows. Asking first gives one answer
 * within {@link #TIMEOUT}, which names the address, before any row is handed to a producer.
 */
final class BrokerCheck {

  /**
   * Long enough for a broker that is up but busy, or for a leader election, short enough that a
   * wrong address is reported while the operator still waits for it.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private BrokerCheck() {
  }

  /** Returns when the broker answers; else throws {@link BrokerUnreachableException}. */
  static void requireReachable(String bootstrapServers) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId().get();
    } catch (ExecutionException e) {
      throw unreachable(bootstrapServers, e.getCause());
    } catch (KafkaException e) {
      // thrown by Admin.create: an address that does not parse or resolve
      throw unreachable(bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + bootstrapServers
          + " for its cluster ID", e);
    }
  }

  private static BrokerUnreachableException unreachable(String bootstrapServers, Throwable error) {
    if (error instanceof TimeoutException) {
      return new BrokerUnreachableException(bootstrapServers, TIMEOUT, null);
    }
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new BrokerUnreachableException(bootstrapServers, TIMEOUT, reason);
  }
}
