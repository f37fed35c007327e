package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import dev.provisioner.accounts.RequestNotSentException;
import dev.provisioner.command.AccountCommand;
import dev.provisioner.command.IdempotencyKeys;
import dev.provisioner.command.Reply;
import dev.provisioner.command.ReplyStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One command to its outcome when something no outcome covers goes wrong while it is handled. */
class CommandHandlerTest {

  static final AccountCommand COMMAND = new AccountCommand("m-unexpected", (ObjectNode) JsonMapper.builder()
      .build().readTree("{\"customer\": \"bcus_1\", \"external_reference\": \"ACC-1\"}"));
  static final WorkerSettings.Resilience RESILIENCE = new WorkerSettings.Resilience(6,
      Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofSeconds(1), 50, Duration.ofSeconds(5), 0,
      Duration.ofMinutes(1), true);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void aCommandWhoseHandlingFailsUnexpectedlyGetsAFailedReplyAndIsDeadLetteredUnderItsMessageId() {
    // Given an API client with a bug: its create fails instead of answering with an outcome
    CommandHandler handler = handler(failingWith(new IllegalStateException("a bug")));

    // When
    Outcome outcome = handler.handle(COMMAND).join();

    // Then
    assertThat(outcome).isInstanceOfSatisfying(Outcome.DeadLettered.class, dead -> {
      Reply reply = dead.reply();
      assertThat(reply).isNotNull();
      assertThat(reply.status()).isEqualTo(ReplyStatus.FAILED);
      assertThat(reply.messageId()).isEqualTo(COMMAND.messageId());
      assertThat(reply.idempotencyKey()).isEqualTo(IdempotencyKeys.forCreate(COMMAND.messageId(), 0));
      assertThat(reply.attempts()).isEqualTo(1);
      assertThat(reply.error().status()).isEqualTo(500);
      assertThat(dead.reason()).isInstanceOfSatisfying(CommandFailedException.class, reason -> {
        assertThat(reason.messageId()).isEqualTo(COMMAND.messageId());
        assertThat(reason.getMessage()).contains("IllegalStateException: a bug");
      });
    });
  }

  @Test
  void aCommandWhoseApiClientThrowsInsteadOfFailingItsFutureGetsAFailedReplyToo() {
    // Given an API client that throws from its create, as a closed Vert.x client does
    RuntimeException closed = new RejectedExecutionException("event executor terminated");
    CommandHandler handler = handler(throwing(closed));

    // When
    Outcome outcome = handler.handle(COMMAND).join();

    // Then the command is answered failed under its message ID (before: dead-lettered without a
    // reply, its message ID unknown)
    assertThat(outcome).isInstanceOfSatisfying(Outcome.DeadLettered.class, dead -> {
      assertThat(dead.reply()).isNotNull();
      assertThat(dead.reply().status()).isEqualTo(ReplyStatus.FAILED);
      assertThat(dead.reply().messageId()).isEqualTo(COMMAND.messageId());
      assertThat(dead.reason().getMessage()).contains("event executor terminated");
    });
  }

  @Test
  void aSystemicFailureStillFailsTheBatchInsteadOfFailingTheCommand() {
    // Given
    SystemicFailureException systemic = new SystemicFailureException("the API refused the key", true);
    CommandHandler handler = handler(failingWith(systemic));

    // When, Then
    assertThatThrownBy(() -> handler.handle(COMMAND).join())
        .isInstanceOf(CompletionException.class)
        .hasCause(systemic);
  }

  @Test
  void aConflictOfATypeTheWorkerDoesNotKnowWithNoAccountBehindItIsAskedAgainUnderTheSameKey() {
    // Given an API whose 409 for a key in flight has a type name the worker does not know, and
    // whose first request with the key then ends with the account created
    Problem inFlight = Problem.of("conflict", "Conflict", 409, "a request with this key is in progress");
    JsonNode account = JsonMapper.builder().build().readTree("{\"id\": \"bacc_1\", \"external_reference\": \"ACC-1\"}");
    ScriptedApi api = new ScriptedApi(
        new ApiOutcome.Conflict(inFlight, ApiOutcome.ConflictKind.UNKNOWN, false),
        new ApiOutcome.Created(account, true));

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then created: the create, the look-up that found nothing yet, the create replaying the first answer
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
      assertThat(answered.reply().status()).isEqualTo(ReplyStatus.CREATED);
      assertThat(answered.reply().attempts()).isEqualTo(3);
    });
    assertThat(api.keys).containsExactly(IdempotencyKeys.forCreate(COMMAND.messageId(), 0),
        IdempotencyKeys.forCreate(COMMAND.messageId(), 0));
  }

  @Test
  void aConflictTheApiKeepsAnsweringFreshIsDeadLetteredAfterTheBudgetNotRejected() {
    // Given a key whose first request never ends, answered with a 409 of an unknown type
    Problem inFlight = Problem.of("conflict", "Conflict", 409, "a request with this key is in progress");
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Conflict(inFlight, ApiOutcome.ConflictKind.UNKNOWN, false));

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then failed, for a replay: the account may yet be created under that key
    assertThat(outcome).isInstanceOfSatisfying(Outcome.DeadLettered.class, dead -> {
      assertThat(dead.reply()).isNotNull();
      assertThat(dead.reply().status()).isEqualTo(ReplyStatus.FAILED);
    });
    assertThat(api.keys).hasSize(RESILIENCE.maxAttempts());
  }

  @Test
  void anAnswerCarryingAnotherCommandsAccountIsAskedAgainNotReplied() {
    // Given an API (or a connection out of step) answering the first create with the account of
    // another external reference, and the retry under the same key with this command's
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Created(account("bacc_9", "ACC-9"), false),
        new ApiOutcome.Created(account("bacc_1", "ACC-1"), true));

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then created with its own account (before: created with bacc_9, another customer's)
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
      assertThat(answered.reply().status()).isEqualTo(ReplyStatus.CREATED);
      assertThat(answered.reply().account().path("id").asString()).isEqualTo("bacc_1");
      assertThat(answered.reply().attempts()).isEqualTo(2);
    });
    assertThat(api.keys).containsOnly(IdempotencyKeys.forCreate(COMMAND.messageId(), 0));
  }

  @Test
  void aKeyReusedByAnotherCommandWhileThisCommandsAccountExistsAsAskedIsCreatedNotRejected() {
    // Given a message ID reused for another account once the API forgot its key (24 h), which took
    // the key; this command, the first under the message ID, sent again: its account exists as asked
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Rejected(Problem.of("idempotency-key-reused",
        "Idempotency key reused", 422, "Idempotency-Key: already used with another request body"), false));
    api.lookUp = new ApiOutcome.Created(account("bacc_1", "ACC-1"), false);

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then created with its account, found by reference (before: rejected, its account existing)
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
      assertThat(answered.reply().status()).isEqualTo(ReplyStatus.CREATED);
      assertThat(answered.reply().account().path("id").asString()).isEqualTo("bacc_1");
      assertThat(answered.reply().attempts()).isEqualTo(2);
    });
  }

  @Test
  void aKeyReusedByAnotherCommandIsRejectedSayingSoWhenThisCommandsAccountDoesNotExist() {
    // Given the API's 422 for the message ID's key, first used with another body; no account ACC-1
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Rejected(Problem.of("idempotency-key-reused",
        "Idempotency key reused", 422, "Idempotency-Key: already used with another request body"), false));

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then rejected, saying what to do, after the create and the look-up
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
      assertThat(answered.reply().status()).isEqualTo(ReplyStatus.REJECTED);
      assertThat(answered.reply().error().detail()).startsWith("this message ID was used before");
      assertThat(answered.reply().attempts()).isEqualTo(2);
    });
  }

  @Test
  void aLookUpFindingAnotherReferencesAccountIsNeitherCreatedNorRejected() {
    // Given a stored 500 replayed to the create, and a look-up by ACC-1 answered with ACC-9's
    // account holding the same data
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Transient(
        Problem.of("internal", "Internal Server Error", 500, null), null, true, null));
    api.lookUp = new ApiOutcome.Created(account("bacc_9", "ACC-9"), false);

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then failed for a replay, naming the mix-up (before: created with bacc_9, reconciled)
    assertThat(outcome).isInstanceOfSatisfying(Outcome.DeadLettered.class, dead -> {
      assertThat(dead.reply()).isNotNull();
      assertThat(dead.reply().status()).isEqualTo(ReplyStatus.FAILED);
      assertThat(dead.reply().error().detail()).contains("answered with account bacc_9 of external_reference ACC-9");
    });
  }

  @Test
  void aTryWhoseRequestWasNeverSentIsNotChargedToTheBudget() {
    // Given every one of the command's charged tries given a pooled connection the server had
    // already closed, then the create answered
    ApiOutcome[] answers = new ApiOutcome[RESILIENCE.maxAttempts() + 1];
    java.util.Arrays.fill(answers, new ApiOutcome.Transient(Problem.of("connection-error", "Connection error", 503,
        "not sent"), null, false, new RequestNotSentException(new java.nio.channels.ClosedChannelException())));
    answers[RESILIENCE.maxAttempts()] = new ApiOutcome.Created(account("bacc_1", "ACC-1"), false);
    ScriptedApi api = new ScriptedApi(answers);

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then created under the one key (before: failed and dead-lettered after max-attempts)
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Answered.class, answered -> {
      assertThat(answered.reply().status()).isEqualTo(ReplyStatus.CREATED);
      assertThat(answered.reply().attempts()).isEqualTo(RESILIENCE.maxAttempts() + 1);
    });
    assertThat(api.keys).containsOnly(IdempotencyKeys.forCreate(COMMAND.messageId(), 0));
  }

  @Test
  void triesNeverSentAreFreeOnlyUpToTheBudgetSoAConnectionThatKeepsClosingEndsTheCommand() {
    // Given a create whose request is never sent, however often it is tried
    ScriptedApi api = new ScriptedApi(new ApiOutcome.Transient(Problem.of("connection-error", "Connection error",
        503, "not sent"), null, false, new RequestNotSentException(new java.nio.channels.ClosedChannelException())));

    // When
    Outcome outcome = handler(api).handle(COMMAND).join();

    // Then failed after max-attempts free tries and max-attempts charged ones
    assertThat(outcome).isInstanceOf(Outcome.DeadLettered.class);
    assertThat(api.keys).hasSize(2 * RESILIENCE.maxAttempts());
  }

  private static JsonNode account(String id, String externalReference) {
    return JsonMapper.builder().build().readTree("{\"id\": \"" + id + "\", \"customer_id\": \"bcus_1\", "
        + "\"external_reference\": \"" + externalReference + "\"}");
  }

  /** Creates answered in order (the last one repeated); every look-up answered {@link #lookUp}. */
  private static final class ScriptedApi implements AccountsApi {

    private final java.util.List<ApiOutcome> creates;
    final java.util.List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The answer to every look-up: by default nothing found (404). */
    volatile ApiOutcome lookUp = new ApiOutcome.Rejected(Problem.of("not-found", "Not found", 404, "no account"), false);

    ScriptedApi(ApiOutcome... creates) {
      this.creates = java.util.List.of(creates);
    }

    @Override
    public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
      keys.add(idempotencyKey);
      return CompletableFuture.completedFuture(creates.get(Math.min(keys.size(), creates.size()) - 1));
    }

    @Override
    public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
      return CompletableFuture.completedFuture(lookUp);
    }
  }

  private CommandHandler handler(AccountsApi api) {
    ApiGuard guard = new ApiGuard(CircuitBreaker.of("test", Resilience.breakerConfig(RESILIENCE)), ClientRate.unlimited(),
        Clock.systemUTC(), RESILIENCE.maxRetryAfter(), Resilience.throttlePauses(RESILIENCE), () -> false);
    return new CommandHandler(api, guard, Retry.of("test", Resilience.retryConfig(RESILIENCE)), scheduler,
        Clock.systemUTC(), RESILIENCE.maxBatchWait());
  }

  private static AccountsApi throwing(RuntimeException failure) {
    return new AccountsApi() {
      @Override
      public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
        throw failure;
      }

      @Override
      public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
        throw failure;
      }
    };
  }

  private static AccountsApi failingWith(RuntimeException failure) {
    return new AccountsApi() {
      @Override
      public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
        return CompletableFuture.failedFuture(failure);
      }

      @Override
      public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
        return CompletableFuture.failedFuture(failure);
      }
    };
  }
}
