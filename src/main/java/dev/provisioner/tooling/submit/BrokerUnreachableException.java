package dev.provisioner.tooling.submit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The broker did not answer before anything was sent: a setting to fix (or a broker to start),
 * not a failure of the rows, none of which was sent.
 */
public final class BrokerUnreachableException extends RuntimeException {

  private final String bootstrapServers;
  private final Duration waited;
  private final @Nullable String reason;

  /**
   * @param bootstrapServers the address tried
   * @param waited how long the broker was given to answer
   * @param reason why, when it is more than silence (an address that does not resolve, a
   *     refused login); null when the broker simply did not answer in time
   */
  BrokerUnreachableException(String bootstrapServers, Duration waited, @Nullable String reason) {
    super("cannot reach Kafka at " + bootstrapServers
        + (reason == null ? " within " + waited.toSeconds() + " s" : ": " + reason));
    this.bootstrapServers = bootstrapServers;
    this.waited = waited;
    this.reason = reason;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Duration waited() {
    return waited;
  }

  public @Nullable String reason() {
    return reason;
  }
}
