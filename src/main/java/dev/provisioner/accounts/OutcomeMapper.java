package dev.provisioner.accounts;

import dev.provisioner.accounts.ApiOutcome.Conflict;
import dev.provisioner.accounts.ApiOutcome.ConflictKind;
import dev.provisioner.accounts.ApiOutcome.Created;
import dev.provisioner.accounts.ApiOutcome.NotAuthorized;
import dev.provisioner.accounts.ApiOutcome.Rejected;
import dev.provisioner.accounts.ApiOutcome.Transient;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps what came back from one call (a response, or the failure to get one) to an {@link
 * ApiOutcome}. Shared by every {@link AccountsApi} implementation so they classify alike.
 */
final class OutcomeMapper {

  private final ProblemBodies problems;
  private final Failures failures;
  private final Clock clock;

  OutcomeMapper(ObjectMapper mapper, ApiSettings settings, Clock clock) {
    this.problems = new ProblemBodies(mapper, settings);
    this.failures = new Failures(settings);
    this.clock = clock;
  }

  /**
   * @param call what was called, e.g. {@code POST /billing/accounts}, for synthesized details
   * @param header the first value of a response header by case-insensitive name, or null
   */
  ApiOutcome fromResponse(String call, int status, Function<String, @Nullable String> header,
      byte[] body) {
    boolean replayed = "true".equalsIgnoreCase(trim(header.apply("Idempotent-Replayed")));
    String encoded = unaskedEncoding(header.apply("Content-Encoding"), body);
    if (status >= 200 && status < 300) {
      return encoded == null ? success(call, status, body, replayed)
          : unreadable(call, status, encoded, "", replayed);
    }
    if (status >= 300 && status < 400) {
      String detail = call + " answered " + status + " to "
          + problems.sanitize(String.valueOf(header.apply("Location")))
          + "; check provisioner.api.base-url";
      return new Transient(ClientProblems.unexpectedRedirect(status, detail), null, replayed, null);
    }
    Problem problem = encoded == null ? problems.read(status, header.apply("Content-Type"), body)
        : withSettingHint(problems.read(status, null, new byte[0]), encoded + ", so it was not read");
    if (misrouted(call, status)) {
      return new Transient(withSettingHint(problem, switch (status) {
        case 407 -> "check the proxy's credentials (https.proxyUser, https.proxyPassword)";
        case 431 -> "the request's headers are too large for the API: check provisioner.api.key";
        default -> "check provisioner.api.base-url";
      }), null, replayed, null);
    }
    return switch (status) {
      case 401, 403 -> new NotAuthorized(problem);
      case 409 -> new Conflict(problem, ConflictKind.of(problem), replayed);
      case 408, 429 -> transientOf(problem, header, replayed);
      default -> status >= 400 && status < 500
          ? new Rejected(problem, replayed) : transientOf(problem, header, replayed);
    };
  }

  /** The failure to get a response at all: always {@link Transient}, with the failure as cause. */
  Transient fromFailure(String call, Throwable failure) {
    return failures.toOutcome(call, failure);
  }

  /**
   * A 404 or 405 to the create, or a 407 to any call, says the request never reached an endpoint
   * that could judge the command (a base URL with a wrong path, another service, a proxy that
   * wants credentials), and a 431 says its headers are too large for the API, whose only large
   * header is the key: the configuration's fault, not the command's. As after a redirect, the
   * command is retried, then dead-lettered for replay once the setting is fixed; rejected, it
   * would have been lost, since replaying a rejection cannot help.
   */
  private static boolean misrouted(String call, int status) {
    return status == 407 || status == 431 || call.startsWith("POST ") && (status == 404 || status == 405);
  }

  private static Problem withSettingHint(Problem problem, String hint) {
    String detail = problem.detail() == null ? hint : problem.detail() + "; " + hint;
    return new Problem(problem.type(), problem.title(), problem.status(), detail, problem.instance());
  }

  /**
   * A 2xx is an account only when its body is a JSON object with an {@code id}: a gateway's or a
   * proxy's {@code {"status":"ok"}}, or an API answering with something else, would otherwise be
   * replied {@code created} with no account to show, and the command never tried again.
   */
  private ApiOutcome success(String call, int status, byte[] body, boolean replayed) {
    JsonNode account = problems.parseObject(body);
    if (account != null && hasId(account)) {
      return new Created(account, replayed);
    }
    String what = account == null ? "its body is not a JSON object" : "its JSON has no account id";
    return unreadable(call, status, what, ". Body: " + problems.excerpt(body, 1024), replayed);
  }

  private static Transient unreadable(String call, int status, String why, String body,
      boolean replayed) {
    String detail = call + " answered " + status + " but " + why + ", so the account may exist: "
        + "retry under the same Idempotency-Key to get the stored answer" + body;
    return new Transient(ClientProblems.unreadableResponse(detail), null, replayed, null);
  }

  /**
   * The client sends no {@code Accept-Encoding}, so a body in another encoding (a proxy that
   * compresses regardless) cannot be read; said so, rather than shown as bytes that mean nothing.
   * Null when the body is as sent.
   */
  private @Nullable String unaskedEncoding(@Nullable String encoding, byte[] body) {
    String value = trim(encoding);
    if (body.length == 0 || value == null || value.isEmpty() || "identity".equalsIgnoreCase(value)) {
      return null;
    }
    return "its body is in Content-Encoding " + problems.sanitize(value) + ", which the client does not ask for";
  }

  private static boolean hasId(JsonNode account) {
    JsonNode id = account.get("id");
    return id != null && id.isString() && !id.stringValue().isBlank();
  }

  private Transient transientOf(Problem problem, Function<String, @Nullable String> header,
      boolean replayed) {
    return new Transient(problem, RetryAfter.parse(header.apply("Retry-After"), clock), replayed,
        null);
  }

  private static @Nullable String trim(@Nullable String value) {
    return value == null ? null : value.trim();
  }
}
