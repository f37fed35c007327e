package dev.provisioner.sandbox.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The faults injected into billing API requests, set at start-up ({@code sandbox.faults.*}) and
 * through {@code /_sandbox/faults} (snake_case JSON). Immutable; a bad value fails naming the
 * setting and the value.
 *
 * @param latencyMs fixed latency added to every API request
 * @param jitterMs up to this much more latency, uniformly at random
 * @param failureRate share (0..1) of API requests answered with {@code failureStatus} instead
 * @param failureStatus 500, 502, 503, 504 or 429
 * @param retryAfterSeconds the {@code Retry-After} of injected 429 answers
 * @param duplicateRate share (0..1) of creates that succeed but the client does not hear it
 * @param duplicateMode how the client does not hear it: {@code status} or {@code drop}
 * @param duplicateStatus the 5xx the client gets in {@code status} mode
 * @param rateLimitPerSecond API requests allowed per second (a window of one second), the rest
 *     answered 429 before anything else is done; 0 means no limit
 * @param rateLimitRetryAfter whether those 429s carry {@code Retry-After} (Moment documents none)
 * @param conflictType when not empty, the fragment of every 409's problem type (title
 *     {@code Conflict}), replayed ones included: Moment documents no 409 type names, so this shows
 *     how a client fares when they are not the sandbox's
 */
public record FaultSettings(@DefaultValue("0") long latencyMs, @DefaultValue("0") long jitterMs,
    @DefaultValue("0") double failureRate, @DefaultValue("500") int failureStatus,
    @DefaultValue("1") long retryAfterSeconds, @DefaultValue("0") double duplicateRate,
    @DefaultValue("status") DuplicateMode duplicateMode,
    @DefaultValue("502") int duplicateStatus, @DefaultValue("0") long rateLimitPerSecond,
    @DefaultValue("false") boolean rateLimitRetryAfter, @DefaultValue("") String conflictType) {

  private static final Set<Integer> FAILURE_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Set<Integer> DUPLICATE_STATUSES = Set.of(500, 502, 503, 504);
  private static final long AN_HOUR_MS = 3_600_000;
  private static final long MAX_RATE_LIMIT = 1_000_000;
  private static final Pattern CONFLICT_TYPE = Pattern.compile("[a-z0-9-]{0,64}");

  /** No faults at all. */
  public static final FaultSettings NONE =
      new FaultSettings(0, 0, 0, 500, 1, 0, DuplicateMode.STATUS, 502, 0, false, "");

  public FaultSettings {
    upToAnHour("latency_ms", latencyMs);
    upToAnHour("jitter_ms", jitterMs);
    atLeastZero("retry_after_seconds", retryAfterSeconds);
    share("failure_rate", failureRate);
    share("duplicate_rate", duplicateRate);
    oneOf("failure_status", failureStatus, FAILURE_STATUSES);
    oneOf("duplicate_status", duplicateStatus, DUPLICATE_STATUSES);
    if (rateLimitPerSecond < 0 || rateLimitPerSecond > MAX_RATE_LIMIT) {
      throw new IllegalArgumentException("rate_limit_per_second must be between 0 (no limit) and "
          + MAX_RATE_LIMIT + ", but was " + rateLimitPerSecond);
    }
    if (conflictType == null || !CONFLICT_TYPE.matcher(conflictType).matches()) {
      throw new IllegalArgumentException("conflict_type must be empty (the sandbox's own types) or"
          + " 1 to 64 characters of [a-z0-9-], but was " + conflictType);
    }
    if (duplicateMode == null) {
      throw new IllegalArgumentException("duplicate_mode must be status or drop, but was null");
    }
  }

  /** How the duplicate-maker keeps a created account from its client. */
  public enum DuplicateMode {
    /** The client gets {@code duplicate_status}. */
    @JsonProperty("status") STATUS,
    /** The connection is closed without an answer. */
    @JsonProperty("drop") DROP
  }

  private static void atLeastZero(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, but was " + value);
    }
  }

  /** An hour of latency is a hang (an outage's {@code hang} mode says so); more overflows. */
  private static void upToAnHour(String name, long millis) {
    if (millis < 0 || millis > AN_HOUR_MS) {
      throw new IllegalArgumentException(name + " must be between 0 and " + AN_HOUR_MS + " (an hour), but was "
          + millis);
    }
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + value);
    }
  }

  private static void oneOf(String name, int value, Set<Integer> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          name + " must be one of " + new java.util.TreeSet<>(allowed) + ", but was " + value);
    }
  }
}
