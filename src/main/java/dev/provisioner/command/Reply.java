package dev.provisioner.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.provisioner.accounts.Problem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The value of a reply record, per {@code schemas/account-reply.schema.json}: exactly one per
 * command. {@code message_id} and {@code idempotency_key} are always written (null only when a
 * rejected record had no message ID); {@code account} and {@code error} only when present.
 *
 * @param messageId the command's message ID
 * @param idempotencyKey the key the API calls used (or would have used)
 * @param status the outcome
 * @param account the API's account object; present exactly when created
 * @param error RFC 9457 problem details; present exactly when not created
 * @param replayed true when the API answered from its idempotency store
 * @param reconciled true when the account was found by its {@code external_reference} after an
 *     answer that could not be trusted (a replayed failure, a conflict): it existed already
 * @param attempts API calls made for this command
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(
    @JsonProperty("message_id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String messageId,
    @JsonProperty("idempotency_key") @JsonInclude(JsonInclude.Include.ALWAYS)
    @Nullable String idempotencyKey,
    @JsonProperty("status") ReplyStatus status,
    @JsonProperty("account") @Nullable JsonNode account,
    @JsonProperty("error") @Nullable Problem error,
    @JsonProperty("replayed") boolean replayed,
    @JsonProperty("reconciled") boolean reconciled,
    @JsonProperty("attempts") int attempts) {

  /** Enforces the schema's rules, so an invalid reply cannot be built. */
  public Reply {
    Objects.requireNonNull(status, "status");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be at least 0 but was " + attempts);
    }
    if ((status == ReplyStatus.CREATED) != (account != null)) {
      throw new IllegalArgumentException("account must be given exactly when created");
    }
    if ((status == ReplyStatus.CREATED) == (error != null)) {
      throw new IllegalArgumentException("error must be given exactly when not created");
    }
    if (status != ReplyStatus.REJECTED && (messageId == null || idempotencyKey == null)) {
      throw new IllegalArgumentException("only a rejected reply may lack its message ID or key");
    }
    if (reconciled && status != ReplyStatus.CREATED) {
      throw new IllegalArgumentException("only a created reply may be reconciled");
    }
  }

  /** The account exists; {@code replayed} when the API answered from its idempotency store. */
  public static Reply created(String messageId, String idempotencyKey, JsonNode account,
      boolean replayed, int attempts) {
    return new Reply(messageId, idempotencyKey, ReplyStatus.CREATED, account, null, replayed,
        false, attempts);
  }

  /**
   * The account exists already: found by its {@code external_reference} after an answer that
   * could not be trusted; the API did not replay it, so {@code replayed} is false.
   */
  public static Reply reconciled(String messageId, String idempotencyKey, JsonNode account, int attempts) {
    return new Reply(messageId, idempotencyKey, ReplyStatus.CREATED, account, null, false, true, attempts);
  }

  /** The command or the API said no; message ID and key are null for a record without ID. */
  public static Reply rejected(@Nullable String messageId, @Nullable String idempotencyKey,
      Problem error, boolean replayed, int attempts) {
    return new Reply(messageId, idempotencyKey, ReplyStatus.REJECTED, null, withDetail(error),
        replayed, false, attempts);
  }

  /** Not completed now; the command went to the dead-letter topic for replay. */
  public static Reply failed(String messageId, String idempotencyKey, Problem error,
      boolean replayed, int attempts) {
    return new Reply(messageId, idempotencyKey, ReplyStatus.FAILED, null, withDetail(error),
        replayed, false, attempts);
  }

  /** The schema requires a detail; an API problem without one repeats its title. */
  private static Problem withDetail(Problem error) {
    return error.detail() != null ? error
        : new Problem(error.type(), error.title(), error.status(), error.title(), error.instance());
  }
}
