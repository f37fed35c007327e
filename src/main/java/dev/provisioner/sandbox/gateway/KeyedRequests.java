package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.Outcome;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Requests that carry an {@code Idempotency-Key}: the key is claimed before the injected latency
 * (so a concurrent retry sees 409), and the real reply, injected failures included, is stored
 * under it. The duplicate-maker acts after storing, so the stored answer is the real 201 and a
 * retry under the same key gets the account: the client's own retries heal it, and only a client
 * that changes its key creates the duplicate.
 */
final class KeyedRequests {

  private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9-]{1,255}");

  private final IdempotencyStore store;
  private final Execution execution;
  private final Stats stats;

  KeyedRequests(IdempotencyStore store, Execution execution, Stats stats) {
    this.store = store;
    this.execution = execution;
    this.stats = stats;
  }

  Mono<Outcome> perform(String key, byte[] raw, Execution.Call call) {
    String instance = call.instance();
    if (!KEY.matcher(key).matches()) {
      return Mono.just(Outcome.send(ProblemType.INVALID_IDEMPOTENCY_KEY.reply(400,
          "Idempotency-Key: 1 to 255 characters of [a-zA-Z0-9-], got " + key.length()
              + " characters", instance)));
    }
    byte[] fingerprint = Fingerprint.of(call.operation().label(), call.body(), raw);
    IdempotencyStore.Decision decision = store.begin(key, fingerprint);
    if (decision instanceof IdempotencyStore.Decision.Replay replay) {
      stats.event("replayed");
      Reply replayed = replay.reply().withHeader("Idempotent-Replayed", "true");
      return Execution.after(execution.latency(call), () -> Outcome.send(replayed));
    }
    if (decision instanceof IdempotencyStore.Decision.InFlight) {
      return Mono.just(Outcome.send(ProblemType.IDEMPOTENCY_KEY_IN_USE.reply(409,
          "Idempotency-Key: a request with this key is still in progress; retry later",
          instance)));
    }
    if (decision instanceof IdempotencyStore.Decision.Mismatch) {
      return Mono.just(Outcome.send(ProblemType.IDEMPOTENCY_KEY_REUSED.reply(422,
          "Idempotency-Key: already used with another request body or operation", instance)));
    }
    IdempotencyStore.Decision.Proceed claim = (IdempotencyStore.Decision.Proceed) decision;
    return Execution.after(execution.latency(call), () -> {
      Reply reply = execution.run(call);
      store.complete(claim, reply);
      return execution.deliver(call, reply);
    });
  }
}
