package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moment's idempotency store: the first reply under a key is kept, whatever its status, for the
 * key's lifetime (counted from the first request, on the injected clock) and replayed to every
 * later request with the same key and body.
 */
public final class IdempotencyStore {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  public IdempotencyStore(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** What a request under a key may do. */
  public sealed interface Decision {

    /** The key is new (or expired): the request runs and must {@link #complete} the key. */
    record Proceed() implements Decision {
    }

    record Replay(Reply reply) implements Decision {
    }

    /** The first request with this key and body has not finished yet. */
    record InFlight() implements Decision {
    }

    /** The key was first used with another body or operation. */
    record Mismatch() implements Decision {
    }
  }

  private record Entry(byte[] fingerprint, Instant since, Reply reply, boolean done) {
  }

  /** Looks the key up and, when it is free, claims it for this request. */
  public Decision begin(String key, byte[] fingerprint) {
    Instant now = clock.instant();
    Entry mine = new Entry(fingerprint, now, Reply.empty(0), false);
    Entry winner = entries.compute(key, (k, old) -> old == null || expired(old, now) ? mine : old);
    if (winner == mine) {
      return new Decision.Proceed();
    }
    if (!Arrays.equals(winner.fingerprint(), fingerprint)) {
      return new Decision.Mismatch();
    }
    return winner.done() ? new Decision.Replay(winner.reply()) : new Decision.InFlight();
  }

  /** Stores the reply of the request that claimed {@code key}. */
  public void complete(String key, Reply reply) {
    entries.computeIfPresent(key, (k, old) -> old.done() ? old
        : new Entry(old.fingerprint(), old.since(), reply, true));
  }

  /** Forgets keys past their lifetime; called periodically so memory stays bounded. */
  public void evictExpired() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> expired(entry, now));
  }

  public int size() {
    return entries.size();
  }

  public void clear() {
    entries.clear();
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.since().plus(ttl).isAfter(now);
  }
}
