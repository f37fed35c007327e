package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.billing.BillingApi;
import dev.provisioner.sandbox.billing.Operation;
import dev.provisioner.sandbox.core.Outcome;
import dev.provisioner.sandbox.core.ParsedBody;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs an operation with the failure injection in front of it and the duplicate-maker behind it.
 */
final class Execution {

  private static final Logger log = LoggerFactory.getLogger(Execution.class);

  private final BillingApi api;
  private final Faults faults;
  private final Stats stats;

  Execution(BillingApi api, Faults faults, Stats stats) {
    this.api = api;
    this.faults = faults;
    this.stats = stats;
  }

  /** One operation to run, with the fault settings in force when its request arrived. */
  record Call(Operation operation, @Nullable String reference, ParsedBody body, String instance,
      FaultSettings settings) {
  }

  /**
   * {@code work} after {@code delay}, on a timer. Once started, the work finishes even if the
   * client goes away, as on a real server: a timed-out client may still have created an account.
   */
  static Mono<Outcome> after(Duration delay, Supplier<Outcome> work) {
    if (delay.isZero()) {
      return Mono.fromSupplier(work);
    }
    return Mono.fromFuture(Mono.delay(delay).map(tick -> work.get()).toFuture(), true);
  }

  Duration latency(Call call) {
    return faults.latency(call.settings());
  }

  /** The real reply: an injected failure, or the operation's answer, or a 500 if it broke. */
  Reply run(Call call) {
    try {
      if (faults.fails(call.settings())) {
        stats.event("injected_failures");
        return faults.failure(call.settings(), call.instance());
      }
      return api.handle(call.operation(), call.reference(), call.body(), call.instance());
    } catch (RuntimeException e) {
      log.error("{} failed on {}", call.operation().label(), call.instance(), e);
      return ProblemType.INTERNAL_ERROR.reply(500, "unexpected error in the sandbox",
          call.instance());
    }
  }

  /** What the client gets of {@code reply}: the duplicate-maker may hide a creation from it. */
  Outcome deliver(Call call, Reply reply) {
    FaultSettings settings = call.settings();
    if (!call.operation().creates() || reply.status() != 201 || !faults.duplicates(settings)) {
      return Outcome.send(reply);
    }
    stats.event("duplicates_made");
    if (settings.duplicateMode() == FaultSettings.DuplicateMode.DROP) {
      return new Outcome.Drop();
    }
    int status = settings.duplicateStatus();
    return Outcome.send(ProblemType.forStatus(status).reply(status,
        "injected by the sandbox's duplicate-maker", call.instance()));
  }
}
