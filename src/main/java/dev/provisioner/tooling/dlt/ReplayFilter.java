package dev.provisioner.tooling.dlt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters a replay takes; every criterion given must hold, none given takes all.
 *
 * @param exception a substring of the exception's class name, e.g. {@code CommandFailedException}
 * @param reason a substring of the reason (as {@code dlt list} shows it) or of the message
 * @param since records dead-lettered at or after this instant
 * @param until records dead-lettered before this instant
 * @param key the record key, exactly
 * @param messageId the {@code message-id} header, exactly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayFilter(@JsonProperty("exception") @Nullable String exception,
    @JsonProperty("reason") @Nullable String reason, @JsonProperty("since") @Nullable Instant since,
    @JsonProperty("until") @Nullable Instant until, @JsonProperty("key") @Nullable String key,
    @JsonProperty("message_id") @Nullable String messageId) {

  /** Takes every record. */
  public static ReplayFilter all() {
    return new ReplayFilter(null, null, null, null, null, null);
  }

  public boolean matches(DeadLetter letter) {
    return (exception == null || letter.exceptionClass().contains(exception))
        && (reason == null || letter.reason().contains(reason) || letter.exceptionMessage().contains(reason))
        && (since == null || !letter.timestamp().isBefore(since))
        && (until == null || letter.timestamp().isBefore(until))
        && (key == null || key.equals(letter.key()))
        && (messageId == null || messageId.equals(letter.messageId()));
  }
}
