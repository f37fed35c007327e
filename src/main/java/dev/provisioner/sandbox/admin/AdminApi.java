package dev.provisioner.sandbox.admin;

import dev.provisioner.sandbox.billing.BillingStore;
import dev.provisioner.sandbox.core.Outcome;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxClock;
import dev.provisioner.sandbox.core.SandboxRequest;
import dev.provisioner.sandbox.gateway.Faults;
import dev.provisioner.sandbox.gateway.IdempotencyStore;
import dev.provisioner.sandbox.gateway.Stats;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The admin API under {@code /_sandbox/}: JSON in snake_case, no authentication. It resets the
 * state, lists and counts what exists, shows request statistics, and sets the injected faults.
 */
public final class AdminApi {

  private final BillingStore billing;
  private final IdempotencyStore idempotency;
  private final Stats stats;
  private final FaultAdmin faultAdmin;
  private final SandboxClock clock;
  private final Faults faults;

  public AdminApi(BillingStore billing, IdempotencyStore idempotency, Stats stats, Faults faults,
      SandboxClock clock) {
    this.billing = billing;
    this.idempotency = idempotency;
    this.stats = stats;
    this.faultAdmin = new FaultAdmin(faults, clock);
    this.clock = clock;
    this.faults = faults;
  }

  public Mono<Outcome> handle(SandboxRequest request) {
    Reply reply;
    try {
      reply = route(request);
    } catch (AdminInputException e) {
      reply = ProblemType.VALIDATION_ERROR.reply(400, e.getMessage(), request.path());
    }
    return Mono.just(Outcome.send(reply));
  }

  private Reply route(SandboxRequest request) {
    String what = request.method() + " " + request.path();
    return switch (what) {
      case "POST /_sandbox/reset" -> reset();
      case "GET /_sandbox/accounts" -> Reply.json(200, limited(billing.accounts(), request));
      case "GET /_sandbox/accounts/count" -> count(billing.accountCount());
      case "GET /_sandbox/customers" -> Reply.json(200, limited(billing.customers(), request));
      case "GET /_sandbox/customers/count" -> count(billing.customerCount());
      case "GET /_sandbox/stats" -> Reply.json(200, stats.snapshot());
      case "POST /_sandbox/clock" -> faultAdmin.advanceClock(request.body().bytes());
      case "GET /_sandbox/faults", "PUT /_sandbox/faults", "PATCH /_sandbox/faults",
          "GET /_sandbox/outage", "POST /_sandbox/outage", "DELETE /_sandbox/outage" ->
          faultAdmin.handle(request.method(), request.path(), request.body().bytes());
      default -> ProblemType.NOT_FOUND.reply(404, "no such admin endpoint: " + what,
          request.path());
    };
  }

  private Reply reset() {
    billing.clear();
    idempotency.clear();
    stats.clear();
    faults.reset();
    return Reply.json(200, Map.of("reset", true, "now", clock.instant().toString()));
  }

  private static Reply count(int count) {
    return Reply.json(200, Map.of("count", count));
  }

  private static <T> java.util.List<T> limited(java.util.List<T> all, SandboxRequest request) {
    String limit = request.queryParameter("limit");
    if (limit == null) {
      return all;
    }
    try {
      return all.subList(0, Math.min(all.size(), Math.max(0, Integer.parseInt(limit))));
    } catch (NumberFormatException e) {
      throw new AdminInputException("limit: must be an integer, got " + limit);
    }
  }
}
