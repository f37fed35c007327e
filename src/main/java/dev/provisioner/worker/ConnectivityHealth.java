package dev.provisioner.worker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health of what the worker depends on: the Kafka cluster (DOWN when no broker answers) and the
 * Moment API (a TCP connection to its host; UNKNOWN, not DOWN, when it fails, because the breaker
 * and retries handle an outage and a restart would not help).
 */
final class ConnectivityHealth {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private ConnectivityHealth() {
  }

  /** Asks the cluster for its ID, through one admin client kept for health checks. */
  static KafkaHealth kafka(KafkaAdmin kafkaAdmin) {
    return new KafkaHealth(new LazyAdmin(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(2)));
  }

  /** The Kafka part; closing it closes its admin client. */
  static final class KafkaHealth implements HealthIndicator, AutoCloseable {
    private final LazyAdmin admin;

    KafkaHealth(LazyAdmin admin) {
      this.admin = admin;
    }

    @Override
    public Health health() {
      try {
        String clusterId = admin.get().describeCluster(new DescribeClusterOptions()
            .timeoutMs((int) TIMEOUT.toMillis())).clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return Health.up().withDetail("clusterId", clusterId).build();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return Health.down().withDetail("error", "interrupted").build();
      } catch (ExecutionException ex) {
        Throwable cause = ex.getCause() == null ? ex : ex.getCause();
        return Health.down().withDetail("error", cause.getClass().getSimpleName()).build();
      } catch (TimeoutException ex) {
        return Health.down().withDetail("error", "no answer within " + TIMEOUT.toSeconds() + "s").build();
      }
    }

    @Override
    public void close() {
      admin.close();
    }
  }

  /** Opens (and closes) a TCP connection to the API's host and port. */
  static HealthIndicator api(URI baseUrl) {
    String host = baseUrl.getHost();
    int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
    return () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
        return Health.up().withDetail("reachable", true).build();
      } catch (IOException ex) {
        return Health.unknown().withDetail("reachable", false)
            .withDetail("error", ex.getClass().getSimpleName()).build();
      }
    };
  }
}
