package dev.provisioner.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests can move forward, over system time or any base clock: idempotency-key
 * expiry and outage windows read it, so a test can cross 24 hours without waiting.
 */
public final class SandboxClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SandboxClock(Clock base) {
    this.base = base;
  }

  /** Moves this clock forward (or back, with a negative amount). */
  public void advance(Duration amount) {
    offset.accumulateAndGet(amount, Duration::plus);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the sandbox clock has one zone");
  }
}
