package dev.provisioner.worker;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import dev.provisioner.command.AccountCommand;
import dev.provisioner.command.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Finds out what happened when the API's answer cannot be trusted to tell: a failure it replays
 * from its idempotency store, or a conflict on the external reference. The account is looked up
 * by the command's {@code external_reference}, which is unique per merchant.
 *
 * <p>Found with the command's data: the command is done ({@code created}). Found with other
 * data: rejected, naming the conflict. Not found after a replayed failure: the next try uses the
 * next generation of the idempotency key, which cannot duplicate the account because the
 * reference is unique and was just seen to be free. Not found after a conflict: tried again
 * under the same key, then rejected once the API replays the conflict as the key's answer. An
 * account found under another {@code external_reference} is no answer to the look-up: tried again.
 */
final class Reconciler {

  private static final List<String> COMPARED_FIELDS = List.of("name", "currency", "balance", "metadata");

  private final AccountsApi api;
  private final ApiGuard guard;

  Reconciler(AccountsApi api, ApiGuard guard) {
    this.api = api;
    this.guard = guard;
  }

  /**
   * After a replayed failure: done when the account exists; else {@code nextTry} at once under
   * the next generation of the key, which the replay did not charge to the command's budget.
   */
  CompletableFuture<Step> afterReplayedFailure(Attempts attempts, String key, ApiOutcome.Transient failure,
      Supplier<CompletableFuture<Step>> nextTry) {
    return lookUp(attempts, failure, account -> judge(attempts, key, account), () -> {
      attempts.nextGeneration();
      return nextTry.get();
    });
  }

  /**
   * After a 409 not known to be about a key in flight: done when the account exists. When it does
   * not, the 409 is either on something else (e.g. the new customer's {@code external_reference}
   * is taken) or about this key's first request still running under a problem type this worker
   * does not know (Moment documents no 409 type names). Which one, the API says when asked again
   * under the same key: it stores a conflict as the key's answer and replays it, while a request
   * in flight stores its own answer. So a fresh 409 tries again (from the budget), and a replayed
   * one is rejected with the API's problem.
   */
  CompletableFuture<Step> afterConflict(Attempts attempts, String key, ApiOutcome.Conflict conflict) {
    AccountCommand command = attempts.command();
    return lookUp(attempts, conflict, account -> judge(attempts, key, account), () -> conflict.replayed()
        ? CommandHandler.done(Reply.rejected(command.messageId(), key, conflict.problem(), true,
            attempts.calls()))
        : CommandHandler.tryAgain(conflict));
  }

  /**
   * After the API's 422 for a key first used with another body: another command took this message
   * ID's key. When this command's account exists with its data all the same (created under the key
   * before the API forgot it, 24 h at Moment, and the message ID reused since), the command is done;
   * else it is rejected with {@code problem}, the reuse said in the sender's words.
   */
  CompletableFuture<Step> afterReusedKey(Attempts attempts, String key, ApiOutcome.Rejected reused, Problem problem) {
    AccountCommand command = attempts.command();
    Supplier<Reply> rejection = () -> Reply.rejected(command.messageId(), key, problem,
        reused.replayed(), attempts.calls());
    return lookUp(attempts, reused, account -> firstDifference(command.account(), account) == null
            ? Reply.reconciled(command.messageId(), key, account, attempts.calls()) : rejection.get(),
        () -> CommandHandler.done(rejection.get()));
  }

  /** Looks the command's account up: {@code whenFound} answers an account of its reference. */
  private CompletableFuture<Step> lookUp(Attempts attempts, ApiOutcome cause,
      Function<JsonNode, Reply> whenFound,
      Supplier<CompletableFuture<Step>> whenMissing) {
    AccountCommand command = attempts.command();
    return guard.call(() -> api.retrieve(command.externalReference()), attempts)
        .thenCompose(found -> {
          if (found instanceof ApiOutcome.Created existing) {
            Problem another = Steps.anotherAccount(command, existing.account(), "GET /billing/accounts/{ref}");
            return another != null ? CommandHandler.tryAgain(new ApiOutcome.Transient(another, null, false, null))
                : CommandHandler.done(whenFound.apply(existing.account()));
          }
          if (found instanceof ApiOutcome.Rejected missing && missing.problem().status() == 404) {
            return whenMissing.get();
          }
          return CommandHandler.tryAgain(cause);
        });
  }

  private static Reply judge(Attempts attempts, String key, JsonNode account) {
    AccountCommand command = attempts.command();
    String difference = firstDifference(command.account(), account);
    if (difference == null) {
      return Reply.reconciled(command.messageId(), key, account, attempts.calls());
    }
    Problem conflict = Problem.of("duplicate-external-reference", "Conflict", 409,
        "an account with external_reference " + command.externalReference()
            + " already exists with a different " + difference + " (" + account.path("id").asString() + ")");
    return Reply.rejected(command.messageId(), key, conflict, false, attempts.calls());
  }

  /** The first field the command sets that the existing account holds differently, or null. */
  static @org.jspecify.annotations.Nullable String firstDifference(JsonNode wanted, JsonNode existing) {
    for (String field : COMPARED_FIELDS) {
      if (wanted.has(field) && !wanted.get(field).equals(existing.path(field))) {
        return field;
      }
    }
    JsonNode customer = wanted.path("customer");
    if (customer.isString() && customer.asString().startsWith("bcus_")
        && !customer.asString().equals(existing.path("customer_id").asString())) {
      return "customer";
    }
    return null;
  }
}
