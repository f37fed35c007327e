package dev.provisioner.worker;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * What the worker's health shows: whether it consumes, and why not. DOWN only for a fault a
 * person must fix (the API refused the key); a paused consumer behind an open breaker is UP.
 */
final class WorkerStatus implements HealthIndicator {

  private final AtomicReference<String> breakerState = new AtomicReference<>("CLOSED");
  private final AtomicReference<@Nullable String> stopReason = new AtomicReference<>();

  void breakerState(String state) {
    breakerState.set(state);
  }

  /** Records the fault that stopped consumption; true the first time only. */
  boolean stop(String reason) {
    return stopReason.compareAndSet(null, reason);
  }

  boolean stopped() {
    return stopReason.get() != null;
  }

  /** As {@link BreakerPause} decides: only an open breaker pauses; a half-open one lets probes through. */
  boolean paused() {
    String breaker = breakerState.get();
    return stopReason.get() != null || "OPEN".equals(breaker) || "FORCED_OPEN".equals(breaker);
  }

  @Override
  public Health health() {
    String reason = stopReason.get();
    Health.Builder health = reason == null ? Health.up() : Health.down().withDetail("reason", reason);
    return health.withDetail("breaker", breakerState.get()).withDetail("paused", paused()).build();
  }
}
