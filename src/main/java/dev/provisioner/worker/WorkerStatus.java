package dev.provisioner.worker;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * What the worker's health shows: whether it consumes, and why not. DOWN for a fault a person
 * must fix (the API refused the key, Kafka refuses a consumer) or a consumer that stopped; a paused
 * consumer behind an open breaker is UP.
 */
final class WorkerStatus implements HealthIndicator {

  private final AtomicReference<String> breakerState = new AtomicReference<>("CLOSED");
  private final AtomicReference<@Nullable String> stopReason = new AtomicReference<>();
  private final AtomicLong rolledBackBatches = new AtomicLong();
  private final AtomicReference<@Nullable String> lastRollback = new AtomicReference<>();
  /** Kafka's refusal by consumer, while spring-kafka retries it. */
  private final Map<Object, String> kafkaRefusals = new ConcurrentHashMap<>();
  private final Clock clock;

  WorkerStatus(Clock clock) {
    this.clock = clock;
  }

  void breakerState(String state) {
    breakerState.set(state);
  }

  /** Counts a rolled-back batch and keeps when and why, for the health details. */
  void rolledBack(String why) {
    rolledBackBatches.incrementAndGet();
    lastRollback.set(clock.instant() + " " + why);
  }

  /** Records the fault that stopped consumption; true the first time only. */
  boolean stop(String reason) {
    return stopReason.compareAndSet(null, reason);
  }

  /** A consumer Kafka refuses (authentication, authorization), retried until it is accepted. */
  void kafkaRefused(Object consumer, String why) {
    kafkaRefusals.put(consumer, why);
  }

  void kafkaAccepted(Object consumer) {
    kafkaRefusals.remove(consumer);
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
    String refusal = kafkaRefusals.values().stream().findFirst().orElse(null);
    Health.Builder health = reason != null ? Health.down().withDetail("reason", reason)
        : refusal != null ? Health.down().withDetail("reason", refusal) : Health.up();
    health.withDetail("breaker", breakerState.get()).withDetail("paused", paused())
        .withDetail("rolledBackBatches", rolledBackBatches.get());
    String rollback = lastRollback.get();
    return (rollback == null ? health : health.withDetail("lastRollback", rollback)).build();
  }
}
