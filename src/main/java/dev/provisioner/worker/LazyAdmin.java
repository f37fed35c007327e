package dev.provisioner.worker;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;

/**
 * An admin client made on first use. An admin client connects as soon as it is made: made with
 * the worker's beans, before the start's broker check, each one logged a warning a second for a
 * broker that is not there, and the check's one error line came after dozens of them.
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
