package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moment's idempotency store: the first reply under a key is kept, whatever its status, for the
 * key's lifetime (counted from the first request, on the injected clock) and replayed to every
 * later request with the same key and body.
 *
 * <p>At most {@code maxKeys} keys are kept: a key claimed beyond that makes the store forget its
 * oldest key before its lifetime ends (a later request with that key is then new). Without the
 * bound, a day of keys at a soak's rate fills any heap, since each key holds its whole reply.
 */
public final class IdempotencyStore {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  /** The keys in the order they were claimed, oldest first: expiry and the bound take from the head. */
  private final ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
  private final AtomicLong serials = new AtomicLong();
  private final AtomicBoolean boundReached = new AtomicBoolean();
  private final Clock clock;
  private final Duration ttl;
  private final int maxKeys;

  /** {@code maxKeys} is {@code sandbox.idempotency-max-keys}, at least 1. */
  public IdempotencyStore(Clock clock, Duration ttl, int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("sandbox.idempotency-max-keys must be at least 1, but was " + maxKeys);
    }
    this.clock = clock;
    this.ttl = ttl;
    this.maxKeys = maxKeys;
  }

  /** What a request under a key may do. */
  public sealed interface Decision {

    /**
     * The key is new (or expired, or forgotten): the request runs and must {@link #complete} its
     * claim, which stores its reply only while the key is still this claim's.
     */
    record Proceed(String key, long serial) implements Decision {
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

  /** {@code serial} tells this claim of the key from an earlier one of the same key. */
  private record Entry(byte[] fingerprint, Instant since, Reply reply, boolean done, long serial) {
  }

  private record Claim(String key, Instant since, long serial) {
  }

  /** Looks the key up and, when it is free, claims it for this request. */
  public Decision begin(String key, byte[] fingerprint) {
    Instant now = clock.instant();
    Entry mine = new Entry(fingerprint, now, Reply.empty(0), false, serials.incrementAndGet());
    Entry winner = entries.compute(key, (k, old) -> old == null || expired(old, now) ? mine : old);
    if (winner == mine) {
      claims.add(new Claim(key, now, mine.serial()));
      keepWithinBound();
      return new Decision.Proceed(key, mine.serial());
    }
    if (!Arrays.equals(winner.fingerprint(), fingerprint)) {
      return new Decision.Mismatch();
    }
    return winner.done() ? new Decision.Replay(winner.reply()) : new Decision.InFlight();
  }

  /**
   * Stores the reply of the request that made {@code claim}. When its key was forgotten meanwhile
   * (expired, or pushed out by the bound) and claimed again by a later request, nothing is stored:
   * the key holds the later request's body, and only its reply may be replayed to it.
   */
  public void complete(Decision.Proceed claim, Reply reply) {
    entries.computeIfPresent(claim.key(), (k, old) -> old.done() || old.serial() != claim.serial() ? old
        : new Entry(old.fingerprint(), old.since(), reply, true, old.serial()));
  }

  /** Forgets keys past their lifetime; called periodically. */
  public void evictExpired() {
    Instant now = clock.instant();
    for (Claim head = claims.peek(); head != null && !head.since().plus(ttl).isAfter(now); head = claims.peek()) {
      forget(claims.poll());
    }
    // A clock moved back can leave an expired key behind a younger head.
    entries.values().removeIf(entry -> expired(entry, now));
  }

  private void keepWithinBound() {
    while (entries.size() > maxKeys) {
      Claim oldest = claims.poll();
      if (oldest == null) {
        return;
      }
      if (forget(oldest) && boundReached.compareAndSet(false, true)) {
        log.warn("{} idempotency keys stored (sandbox.idempotency-max-keys): the oldest are forgotten"
            + " before their lifetime ends from now on", maxKeys);
      }
    }
  }

  /** Removes the claim's key unless it has been claimed again since; true when removed. */
  private boolean forget(@Nullable Claim claim) {
    if (claim == null) {
      return false;
    }
    boolean[] removed = {false};
    entries.computeIfPresent(claim.key(), (k, entry) -> {
      removed[0] = entry.serial() == claim.serial();
      return removed[0] ? null : entry;
    });
    return removed[0];
  }

  public int size() {
    return entries.size();
  }

  public void clear() {
    entries.clear();
    claims.clear();
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.since().plus(ttl).isAfter(now);
  }
}
