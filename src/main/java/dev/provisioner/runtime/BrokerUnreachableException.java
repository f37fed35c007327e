package dev.provisioner.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The broker did not answer before a command relied on it: a setting to fix (or a broker to
 * start). The message names the setting and the address, e.g. {@code cannot reach Kafka at
 * spring.kafka.bootstrap-servers=localhost:1 within 15 s}.
 */
public final class BrokerUnreachableException extends RuntimeException {

  /**
   * @param setting the setting that gave the address, as the user typed it
   * @param bootstrapServers the address tried
   * @param waited how long the broker was given to answer
   * @param reason why, when it is more than silence (an address that does not resolve, a
   *     refused login); null when the broker simply did not answer in time
   */
  BrokerUnreachableException(String setting, String bootstrapServers, Duration waited,
      @Nullable String reason) {
    super("cannot reach Kafka at " + setting + "=" + bootstrapServers
        + (reason == null ? " within " + waited.toSeconds() + " s" : ": " + reason));
  }
}
