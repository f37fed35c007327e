package dev.provisioner.accounts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one call to Moment's accounts API came to, as a type that says whether a retry can help.
 *
 * <p>Every HTTP answer and every network failure is an outcome; handle them with an exhaustive
 * {@code switch}. {@code replayed} is true when the answer carried {@code Idempotent-Replayed:
 * true}: Moment answered with the stored first response to the idempotency key, so retrying under
 * the same key will keep returning it.
 *
 * <ul>
 *   <li>{@link Created}: 2xx with a JSON object that has a string {@code id} (201 from create,
 *       200 from retrieve).
 *   <li>{@link Rejected}: 400, 402, 422, a 404 to a look-up and any other 4xx not named below.
 *       Not retryable.
 *   <li>{@link Conflict}: 409; only {@link ConflictKind#KEY_IN_FLIGHT} is retryable.
 *   <li>{@link NotAuthorized}: 401, 403. A configuration fault, not the command's.
 *   <li>{@link Transient}: 5xx, 408, 429, timeouts, connection errors, unexpected redirects, a
 *       404 or 405 to the create and a 407 (the request did not reach Moment's create endpoint:
 *       the base URL or the proxy is wrong), 2xx answers whose body cannot be read or holds no
 *       account {@code id}, and informational (1xx) answers taken for the final one. Retryable.
 * </ul>
 */
public sealed interface ApiOutcome {

  /** Whether trying the same call again (after a pause) may give a different outcome. */
  boolean retryable();

  /** The account Moment returned. */
  record Created(JsonNode account, boolean replayed) implements ApiOutcome {
    @Override
    public boolean retryable() {
      return false;
    }
  }

  /** A 4xx that retrying cannot fix: the command (or the account asked for) is at fault. */
  record Rejected(Problem problem, boolean replayed) implements ApiOutcome {
    @Override
    public boolean retryable() {
      return false;
    }
  }

  /** A 409, classified by the fragment of the problem type. */
  record Conflict(Problem problem, ConflictKind kind, boolean replayed) implements ApiOutcome {
    @Override
    public boolean retryable() {
      return kind == ConflictKind.KEY_IN_FLIGHT;
    }
  }

  /** 401 or 403: the key is missing, invalid, expired or lacks permission. Stop and fix it. */
  record NotAuthorized(Problem problem) implements ApiOutcome {
    @Override
    public boolean retryable() {
      return false;
    }
  }

  /**
   * A backend fault: 5xx, 408, 429, a timeout, a connection error, a redirect (the base URL is
   * probably wrong), or a 2xx whose body could not be read or holds no account {@code id}. The
   * last means the account may exist: retry under the same idempotency key and Moment replays the
   * stored answer.
   *
   * <p>Without an HTTP answer the problem is synthesized by the client (see {@link
   * ClientProblems}): type {@code urn:account-provisioner:problem#connection-error} with status
   * 503, {@code #timeout} with status 504, {@code #unreadable-response} with status 502, or
   * {@code #unexpected-redirect} with the redirect's status; {@code cause} is then the exception
   * (never null for connection errors and timeouts).
   *
   * @param retryAfter {@code Retry-After} as sent (seconds or an HTTP date), at most {@link
   *     RetryAfter#MAX}; null when absent or unreadable
   */
  record Transient(Problem problem, @Nullable Duration retryAfter, boolean replayed,
      @Nullable Throwable cause) implements ApiOutcome {
    @Override
    public boolean retryable() {
      return true;
    }

    /**
     * True when the request was never written whole: the pooled connection it was given had
     * already been closed by the server, so the API cannot have acted on it. False whenever the
     * request may have reached the API. Either way a retry goes under the same idempotency key.
     */
    public boolean notSent() {
      return cause instanceof RequestNotSentException;
    }
  }

  /** What a 409 is about, from the problem type's fragment. */
  enum ConflictKind {
    /** {@code idempotency-key-in-use}: the first request with this key is still running. */
    KEY_IN_FLIGHT,
    /** {@code duplicate-external-reference}: an account with this reference exists. */
    DUPLICATE_REFERENCE,
    /** Any other 409. */
    UNKNOWN;

    static ConflictKind of(Problem problem) {
      return switch (problem.fragment()) {
        case "idempotency-key-in-use" -> KEY_IN_FLIGHT;
        case "duplicate-external-reference" -> DUPLICATE_REFERENCE;
        default -> UNKNOWN;
      };
    }
  }
}
