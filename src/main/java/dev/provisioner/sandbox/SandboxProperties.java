package dev.provisioner.sandbox;

import dev.provisioner.runtime.DurationSettings;
import dev.provisioner.sandbox.billing.BillingLimits;
import dev.provisioner.sandbox.gateway.FaultSettings;
import dev.provisioner.sandbox.gateway.Outage;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * The sandbox's settings ({@code sandbox.*}), validated at start: a bad value fails naming the
 * setting and the value. {@link #toString()} does not show the API key.
 *
 * @param apiKey when set, the only API key accepted; when blank, any {@code sk_} key is
 * @param host the address to listen on
 * @param idempotencyTtl how long an idempotency key and its stored reply live
 * @param idempotencyMaxKeys the most idempotency keys kept; beyond it the oldest are forgotten early
 * @param maxBodySize bodies of this size or more get 413
 * @param limits field limits of request bodies
 * @param faults the faults injected from the start
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("") String apiKey,
    @DefaultValue("0.0.0.0") String host,
    @DefaultValue("24h") Duration idempotencyTtl,
    @DefaultValue("1000000") int idempotencyMaxKeys,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue BillingLimits limits,
    @DefaultValue FaultSettings faults) {

  /** A year: far more than any test waits, far from where an expiry instant would overflow. */
  private static final Duration LONGEST_TTL = Duration.ofDays(365);
  /** A body is read into one array: past about 2 GB none holds it, and the drain limit overflows. */
  private static final DataSize LARGEST_BODY = DataSize.ofGigabytes(1);

  public SandboxProperties {
    DurationSettings.requirePositive("sandbox.idempotency-ttl", idempotencyTtl, LONGEST_TTL);
    if (maxBodySize.toBytes() <= 0 || maxBodySize.compareTo(LARGEST_BODY) > 0) {
      throw new IllegalArgumentException("sandbox.max-body-size must be positive and at most 1GB (a body "
          + "is kept in memory), but was " + text(maxBodySize));
    }
    if (idempotencyMaxKeys < 1) {
      throw new IllegalArgumentException(
          "sandbox.idempotency-max-keys must be at least 1, but was " + idempotencyMaxKeys);
    }
  }

  @Override
  public String toString() {
    return "SandboxProperties[apiKey=" + (apiKey.isEmpty() ? "" : "****")
        + ", host=" + host + ", idempotencyTtl=" + idempotencyTtl + ", idempotencyMaxKeys="
        + idempotencyMaxKeys + ", maxBodySize=" + text(maxBodySize) + ", limits=" + limits
        + ", faults=" + faults + "]";
  }

  /** {@code size} in the largest unit that shows it exactly, as users write it: {@code 2GB}. */
  private static String text(DataSize size) {
    for (String suffix : List.of("GB", "MB", "KB")) {
      long bytes = DataSize.of(1, DataUnit.fromSuffix(suffix)).toBytes();
      if (size.toBytes() != 0 && size.toBytes() % bytes == 0) {
        return size.toBytes() / bytes + suffix;
      }
    }
    return size.toBytes() + "B";
  }

  /**
   * An outage window that starts with the sandbox ({@code sandbox.faults.outage.*}).
   *
   * @param seconds its length, at most a day; 0 for none
   * @param mode {@code refuse} (503 answers) or {@code hang} (no answer until it ends)
   */
  @ConfigurationProperties("sandbox.faults.outage")
  public record StartupOutage(@DefaultValue("0") long seconds,
      @DefaultValue("refuse") Outage.Mode mode) {

    private static final long A_DAY_S = 86_400;

    public StartupOutage {
      // A longer window is a stopped sandbox; a far longer one overflows where it ends.
      if (seconds < 0 || seconds > A_DAY_S) {
        throw new IllegalArgumentException(
            "sandbox.faults.outage.seconds must be between 0 and " + A_DAY_S + " (a day), but was " + seconds);
      }
    }
  }
}
