package dev.provisioner.sandbox.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An outage window: until {@code until}, API requests are refused with 503 ({@code refuse}) or
 * get no answer at all until the window ends, when their connection is closed ({@code hang}).
 * Requests in an outage never reach the billing API nor the idempotency store.
 */
public record Outage(Instant until, Mode mode) {

  /** What requests in the window get. */
  public enum Mode {
    @JsonProperty("refuse") REFUSE,
    @JsonProperty("hang") HANG
  }

  boolean activeAt(Instant now) {
    return now.isBefore(until);
  }
}
