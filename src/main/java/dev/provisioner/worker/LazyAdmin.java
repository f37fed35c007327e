package dev.provisioner.worker;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka admin client created on first use. An admin client connects as soon as it exists: the
 * health check's and the reply-topic lookup's, created with their beans, tried an absent broker
 * (and warned each time) before the start-up check could say in one line that it is absent.
 */
final class LazyAdmin implements AutoCloseable {

  private final Map<String, Object> config;
  private final Duration closeTimeout;
  private @Nullable Admin admin;

  LazyAdmin(Map<String, Object> config, Duration closeTimeout) {
    this.config = Map.copyOf(config);
    this.closeTimeout = closeTimeout;
  }

  synchronized Admin get() {
    if (admin == null) {
      admin = Admin.create(config);
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(closeTimeout);
    }
  }
}
