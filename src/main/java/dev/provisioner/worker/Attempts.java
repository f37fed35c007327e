package dev.provisioner.worker;

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
  private final AtomicInteger unsent = new AtomicInteger();
  private volatile int generation;

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

  /** Counts a call whose request was never sent; returns how many there were, this one included. */
  int countUnsent() {
    return unsent.incrementAndGet();
  }

  String idempotencyKey() {
    return IdempotencyKeys.forCreate(command.messageId(), generation);
  }

  /** Moves to the next key, after the API replayed a failure stored under the current one. */
  void nextGeneration() {
    generation++;
  }
}
