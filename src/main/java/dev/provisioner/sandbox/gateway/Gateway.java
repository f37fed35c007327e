package dev.provisioner.sandbox.gateway;

import dev.provisioner.accounts.Problem;
import dev.provisioner.sandbox.billing.BillingApi;
import dev.provisioner.sandbox.billing.Operation;
import dev.provisioner.sandbox.billing.Operation.Route;
import dev.provisioner.sandbox.core.Outcome;
import dev.provisioner.sandbox.core.ParsedBody;
import dev.provisioner.sandbox.core.PathSegments;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxJson;
import dev.provisioner.sandbox.core.SandboxRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The way of every billing API request, in Moment's order: outage, authentication, rate limit,
 * routing, media type and size, idempotency key, latency, injected failure, the operation, and the
 * duplicate-maker. Injected latency is a timer, never a blocked thread. A request refused before
 * the idempotency key (authentication, rate limit, routing, media type, size) is not stored under it.
 */
public final class Gateway {

  private final Auth auth;
  private final RequestChecks checks;
  private final Faults faults;
  private final Stats stats;
  private final KeyedRequests keyed;
  private final Execution execution;

  public Gateway(Auth auth, IdempotencyStore store, Faults faults, Stats stats, BillingApi api) {
    this.auth = auth;
    this.checks = new RequestChecks();
    this.faults = faults;
    this.stats = stats;
    this.execution = new Execution(api, faults, stats);
    this.keyed = new KeyedRequests(store, execution, stats);
  }

  public Mono<Outcome> handle(SandboxRequest request) {
    Route route = Operation.resolve(request.method(), request.segments());
    String label = route instanceof Route.Found found ? found.operation().label() : "other";
    return Mono.defer(() -> {
      stats.arrived();
      return decide(request, route)
          .map(outcome -> retyped(outcome, faults.settings().conflictType()))
          .doOnNext(outcome -> stats.answered(label, statusOf(outcome)))
          .doFinally(signal -> stats.left());
    });
  }

  private Mono<Outcome> decide(SandboxRequest request, Route route) {
    String instance = request.path();
    Optional<Outage> outage = faults.activeOutage();
    if (outage.isPresent()) {
      return Mono.just(outageOutcome(outage.get(), instance));
    }
    Optional<Reply> refused = auth.refusal(request.header("Authorization"), instance)
        .or(() -> faults.overRateLimit(faults.settings(), instance))
        .or(() -> checks.refusal(request, route));
    if (refused.isPresent()) {
      return Mono.just(Outcome.send(refused.get()));
    }
    Route.Found found = (Route.Found) route;
    String reference = found.rawReference() == null ? null
        : PathSegments.decode(found.rawReference()).orElseThrow();
    return perform(request, found.operation(), reference);
  }

  private Mono<Outcome> perform(SandboxRequest request, Operation operation,
      @Nullable String reference) {
    FaultSettings settings = faults.settings();
    ParsedBody body = operation.hasBody() ? ParsedBody.parse(request.body().bytes())
        : new ParsedBody.Malformed("no body");
    Execution.Call call = new Execution.Call(operation, reference, body, request.path(), settings);
    String key = request.header("Idempotency-Key");
    if (operation.idempotent() && key != null) {
      return keyed.perform(key, request.body().bytes(), call);
    }
    return later(call, () -> execution.deliver(call, execution.run(call)));
  }

  private Mono<Outcome> later(Execution.Call call, Supplier<Outcome> work) {
    return Execution.after(execution.latency(call), work);
  }

  private Outcome outageOutcome(Outage outage, String instance) {
    if (outage.mode() == Outage.Mode.HANG) {
      return new Outcome.Hang(faults.untilOutageEnds(outage));
    }
    long seconds = Math.max(1, faults.untilOutageEnds(outage).toSeconds());
    return Outcome.send(ProblemType.SERVICE_UNAVAILABLE
        .reply(503, "the sandbox is in an injected outage", instance)
        .withHeader("Retry-After", Long.toString(seconds)));
  }

  /** A 409 under the {@code conflict_type} fault: its problem's type and title renamed. */
  private static Outcome retyped(Outcome outcome, String conflictType) {
    if (conflictType.isEmpty() || !(outcome instanceof Outcome.Send send) || send.reply().status() != 409) {
      return outcome;
    }
    Problem problem = SandboxJson.MAPPER.readValue(send.reply().body(), Problem.class);
    Problem renamed = new Problem(Problem.TYPE_BASE + conflictType, "Conflict", 409,
        problem.detail(), problem.instance());
    return Outcome.send(new Reply(409, send.reply().headers(), SandboxJson.bytes(renamed)));
  }

  private static String statusOf(Outcome outcome) {
    if (outcome instanceof Outcome.Send send) {
      return Integer.toString(send.reply().status());
    }
    return outcome instanceof Outcome.Drop ? "dropped" : "hung";
  }
}
