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
    if (status >= 200 && status < 300) {
      return success(call, status, body, replayed);
    }
    if (status >= 300 && status < 400) {
      String detail = call + " answered " + status + " to "
          + problems.sanitize(String.valueOf(header.apply("Location")))
          + "; check provisioner.api.base-url";
      return new Transient(ClientProblems.unexpectedRedirect(status, detail), null, replayed, null);
    }
    Problem problem = problems.read(status, header.apply("Content-Type"), body);
    if (misrouted(call, status)) {
      return new Transient(withSettingHint(problem, status == 407
          ? "check the proxy's credentials (https.proxyUser, https.proxyPassword)"
          : "check provisioner.api.base-url"), null, replayed, null);
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
   * wants credentials): the configuration's fault, not the command's. As after a redirect, the
   * command is retried, then dead-lettered for replay once the setting is fixed; rejected, it
   * would have been lost, since replaying a rejection cannot help.
   */
  private static boolean misrouted(String call, int status) {
    return status == 407 || call.startsWith("POST ") && (status == 404 || status == 405);
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
    String detail = call + " answered " + status + " but " + what + ", so the account may exist: "
        + "retry under the same Idempotency-Key to get the stored answer. Body: "
        + problems.excerpt(body, 1024);
    return new Transient(ClientProblems.unreadableResponse(detail), null, replayed, null);
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
