package dev.provisioner.worker;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import dev.provisioner.command.AccountCommand;
import dev.provisioner.command.ParseResult;
import dev.provisioner.command.Reply;
import dev.provisioner.command.SafeText;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one valid command to its end: created or rejected, or given up on after its retry budget
 * (or after a failure no outcome covers).
 *
 * <p>Each step calls the API through the {@link ApiGuard}; {@link Step} says whether the command
 * is done or should try again, and resilience4j's {@link Retry} spaces the tries. Some tries do
 * not spend the budget: one that failed while the breaker was not closed (an outage) or
 * with 429 (throttling), one whose request was never sent (its pooled connection was already
 * closed), and the next-generation try after the API replayed a stored failure (the echo of a
 * try already counted).
 */
final class CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
  private static final Duration OUTAGE_PAUSE = Duration.ofMillis(100);
  private static final String REUSED_KEY = "idempotency-key-reused";

  private final AccountsApi api;
  private final ApiGuard guard;
  private final Retry retry;
  private final ScheduledExecutorService scheduler;
  private final Reconciler reconciler;
  private final Clock clock;
  private final Duration maxBatchWait;

  CommandHandler(AccountsApi api, ApiGuard guard, Retry retry, ScheduledExecutorService scheduler,
      Clock clock, Duration maxBatchWait) {
    this.api = api;
    this.guard = guard;
    this.retry = retry;
    this.scheduler = scheduler;
    this.reconciler = new Reconciler(api, guard);
    this.clock = clock;
    this.maxBatchWait = maxBatchWait;
  }

  CompletableFuture<Outcome> handle(AccountCommand command) {
    Attempts attempts = new Attempts(command, clock.instant().plus(maxBatchWait));
    return retry.executeCompletionStage(scheduler, () -> step(attempts))
        .toCompletableFuture()
        .handle((step, error) -> error != null ? unexpected(attempts, error)
            : step instanceof Step.Done done ? done.outcome()
            : giveUp(attempts, ((Step.TryAgain) step).cause()));
  }

  /**
   * A failure no outcome covers (a bug) ends the command {@code failed}: it still gets its one
   * reply, and goes to the dead-letter topic under its message ID, to be replayed once fixed. A
   * {@link SystemicFailureException} still fails the batch.
   */
  private Outcome unexpected(Attempts attempts, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof SystemicFailureException systemic) {
      throw systemic;
    }
    AccountCommand command = attempts.command();
    log.error("command {} failed unexpectedly; dead-lettered", command.messageId(), cause);
    String reason = "failed unexpectedly after " + attempts.calls() + " API calls: " + cause;
    Problem problem = new Problem(ParseResult.Invalid.TYPE_BASE + "internal-error", "Internal error", 500,
        "the worker failed unexpectedly (" + cause.getClass().getSimpleName() + "); the command was "
            + "dead-lettered for replay", null);
    Reply reply = Reply.failed(command.messageId(), attempts.idempotencyKey(), problem, false,
        attempts.calls());
    return new Outcome.DeadLettered(reply, new CommandFailedException(SafeText.oneLine(reason, 300), command.messageId()));
  }

  private CompletableFuture<Step> step(Attempts attempts) {
    String key = attempts.idempotencyKey();
    return guard.call(() -> api.create(attempts.command().account(), key), attempts)
        .thenCompose(outcome -> interpret(attempts, key, outcome));
  }

  private CompletableFuture<Step> interpret(Attempts attempts, String key, ApiOutcome outcome) {
    AccountCommand command = attempts.command();
    if (outcome instanceof ApiOutcome.Created created) {
      Problem another = Steps.anotherAccount(command, created.account(), "POST /billing/accounts");
      if (another != null) {
        return tryAgain(new ApiOutcome.Transient(another, null, false, null));
      }
      return done(Reply.created(command.messageId(), key, created.account(), created.replayed(),
          attempts.calls()));
    }
    if (outcome instanceof ApiOutcome.Rejected rejected) {
      Problem problem = inContractWords(rejected.problem());
      return REUSED_KEY.equals(rejected.problem().fragment())
          ? reconciler.afterReusedKey(attempts, key, rejected, problem)
          : done(Reply.rejected(command.messageId(), key, problem, rejected.replayed(), attempts.calls()));
    }
    if (outcome instanceof ApiOutcome.Conflict conflict) {
      return conflict.kind() == ApiOutcome.ConflictKind.KEY_IN_FLIGHT
          ? tryAgain(conflict)
          : reconciler.afterConflict(attempts, key, conflict);
    }
    if (outcome instanceof ApiOutcome.Transient failure) {
      return afterFailure(attempts, key, failure);
    }
    ApiOutcome.NotAuthorized denied = (ApiOutcome.NotAuthorized) outcome;
    return CompletableFuture.failedFuture(new SystemicFailureException(
        "the Moment API refused provisioner.api.key (" + denied.problem().status() + " "
            + denied.problem().title() + "): check the key and restart the worker", true));
  }

  /**
   * The API's 422 for a reused {@code Idempotency-Key}, said as the sender can act on it: the key
   * comes from the message ID, so another command under the same message ID was sent before.
   */
  private static Problem inContractWords(Problem problem) {
    if (!REUSED_KEY.equals(problem.fragment())) {
      return problem;
    }
    String detail = "this message ID was used before for a command with another body; give each "
        + "command a message ID of its own (the API: " + problem.detail() + ")";
    return new Problem(problem.type(), problem.title(), problem.status(), detail, problem.instance());
  }

  private CompletableFuture<Step> afterFailure(Attempts attempts, String key, ApiOutcome.Transient failure) {
    if (failure.replayed()) {
      return reconciler.afterReplayedFailure(attempts, key, failure, () -> step(attempts));
    }
    if (failure.notSent() && attempts.countUnsent() <= retry.getRetryConfig().getMaxAttempts()) {
      return afterPause(attempts, Duration.ZERO);
    }
    return guard.breakerClosed() && failure.problem().status() != 429
        ? tryAgain(failure) : afterPause(attempts, OUTAGE_PAUSE);
  }

  /**
   * A backend fault while the breaker is open or probing is the API's outage, and a 429 is the
   * API's throttling, not this command's fault: the command tries again without spending its
   * budget, waiting at the guard (breaker, {@code Retry-After}) meanwhile. The batch's
   * {@code max-batch-wait} still bounds the wait. So does a request that was never sent (its
   * pooled connection was already closed), at once and under the same key: the API cannot have
   * acted on it. A command has up to {@code max-attempts} such tries free, so a connection that keeps
   * closing cannot hold it for ever.
   */
  private CompletableFuture<Step> afterPause(Attempts attempts, Duration pause) {
    return CompletableFuture.supplyAsync(() -> attempts,
            CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
        .thenCompose(this::step);
  }

  static CompletableFuture<Step> tryAgain(ApiOutcome cause) {
    return CompletableFuture.completedFuture(new Step.TryAgain(cause));
  }

  private Outcome giveUp(Attempts attempts, ApiOutcome last) {
    AccountCommand command = attempts.command();
    Problem problem = Steps.problemOf(last);
    String reason = "gave up after " + attempts.calls() + " API calls: " + problem.status() + " "
        + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail());
    Reply reply = Reply.failed(command.messageId(), attempts.idempotencyKey(), problem, false,
        attempts.calls());
    return new Outcome.DeadLettered(reply, new CommandFailedException(reason, command.messageId()));
  }

  static CompletableFuture<Step> done(Reply reply) {
    return CompletableFuture.completedFuture(new Step.Done(new Outcome.Answered(reply)));
  }
}
