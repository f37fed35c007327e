package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.command.AccountCommand;
import dev.provisioner.command.IdempotencyKeys;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command's way through the API: how many calls it made, and which generation of its
 * idempotency key it uses. Generation 0 is the key every redelivery and replay starts with.
 */
final class Attempts {

  private final AccountCommand command;
  private final Instant deadline;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int generation;
  private volatile int ownFailureGeneration = -1;
  private volatile int ownConflictGeneration = -1;

  Attempts(AccountCommand command, Instant deadline) {
    this.command = command;
    this.deadline = deadline;
  }

  AccountCommand command() {
    return command;
  }

  Instant deadline() {
    return deadline;
  }

  void count() {
    calls.incrementAndGet();
  }

  int calls() {
    return calls.get();
  }

  String idempotencyKey() {
    return IdempotencyKeys.forCreate(command.messageId(), generation);
  }

  /**
   * Notes what a create call came to. A failure the API did not replay (its answer lost or not;
   * a 429 aside, which the API does not store) may have made the key's stored answer, whatever it
   * is; a fresh 409 other than a key in flight may have made a stored 409. A later replay of that
   * kind under the current key may then be the echo of this handling's own call.
   */
  void noteCreate(ApiOutcome outcome) {
    if (outcome instanceof ApiOutcome.Transient failure && !failure.replayed()
        && failure.problem().status() != 429) {
      ownFailureGeneration = generation;
    } else if (outcome instanceof ApiOutcome.Conflict conflict && !conflict.replayed()
        && conflict.kind() != ApiOutcome.ConflictKind.KEY_IN_FLIGHT) {
      ownConflictGeneration = generation;
    }
  }

  /**
   * What a reply says as {@code replayed} for an answer under the current key: true when the API
   * replayed it and no earlier call of this handling may have made it, so it answers an earlier
   * sending of the command (another delivery, a replay, the same message ID again). A 201 replayed
   * after a fresh 409 is the answer of the request that held the key, not of this handling.
   */
  boolean replayedFromEarlierSending(ApiOutcome answer) {
    boolean replayed = answer instanceof ApiOutcome.Created created ? created.replayed()
        : answer instanceof ApiOutcome.Rejected rejected ? rejected.replayed()
        : answer instanceof ApiOutcome.Conflict conflict && conflict.replayed();
    boolean ownConflict = answer instanceof ApiOutcome.Conflict && ownConflictGeneration == generation;
    return replayed && ownFailureGeneration != generation && !ownConflict;
  }

  /** Moves to the next key, after the API replayed a failure stored under the current one. */
  void nextGeneration() {
    generation++;
  }
}
