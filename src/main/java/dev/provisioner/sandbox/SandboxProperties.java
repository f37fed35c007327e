package dev.provisioner.sandbox;

import dev.provisioner.sandbox.billing.BillingLimits;
import dev.provisioner.sandbox.gateway.FaultSettings;
import dev.provisioner.sandbox.gateway.Outage;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The sandbox's settings ({@code sandbox.*}), validated at start: a bad value fails naming the
 * setting and the value.
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

  public SandboxProperties {
    if (idempotencyTtl.isNegative() || idempotencyTtl.isZero()) {
      throw new IllegalArgumentException(
          "sandbox.idempotency-ttl must be positive, but was " + idempotencyTtl);
    }
    if (idempotencyMaxKeys < 1) {
      throw new IllegalArgumentException(
          "sandbox.idempotency-max-keys must be at least 1, but was " + idempotencyMaxKeys);
    }
    if (maxBodySize.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "sandbox.max-body-size must be positive, but was " + maxBodySize);
    }
  }

  /**
   * An outage window that starts with the sandbox ({@code sandbox.faults.outage.*}).
   *
   * @param seconds its length; 0 for none
   * @param mode {@code refuse} (503 answers) or {@code hang} (no answer until it ends)
   */
  @ConfigurationProperties("sandbox.faults.outage")
  public record StartupOutage(@DefaultValue("0") long seconds,
      @DefaultValue("refuse") Outage.Mode mode) {

    public StartupOutage {
      if (seconds < 0) {
        throw new IllegalArgumentException(
            "sandbox.faults.outage.seconds must be 0 or more, but was " + seconds);
      }
    }
  }
}
