package dev.provisioner.worker;

import io.github.resilience4j.bulkhead.Bulkhead;
import dev.provisioner.runtime.DurationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one polled batch: many commands in flight at once, never two with the same key, then
 * every reply and dead letter published in offset order on the listener thread, inside the
 * batch's Kafka transaction, which commits them together with the batch's offsets.
 *
 * <p>The in-flight limit is a resilience4j {@link Bulkhead} shared by all consumers: the listener
 * thread waits for a permit before starting a record, which is the back-pressure on fetching. A
 * record waiting for an earlier record of its key holds no permit ({@link KeyTurns}): when it did, a
 * key with hundreds of records in a batch held most permits while running one call at a time, and
 * the other keys, of this consumer and of the others, waited behind it.
 *
 * <p>A batch starts records for at most {@code startBudget}. Kafka drops a consumer that does not
 * poll within {@code max.poll.interval.ms}, and the batch's transaction with it; when the API is
 * slower than a whole batch can wait for (a rate limit of 20 calls a second against batches of
 * 3,000), every redelivery was rolled back again, and nothing was ever answered. Past the budget the
 * batch stops starting records, finishes those it started, and publishes their replies; the
 * listener commits them and Kafka delivers the rest again. Since only running records were started,
 * the wait after the cut is one call per running record, never a chain of a key's records. Records
 * that finished past the first one not started are delivered again too; their outcomes are kept
 * ({@link EarlyOutcomes}) and published when they come back, without calling the API again.
 */
final class BatchProcessor {

  private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

  private final RecordHandler records;
  private final Bulkhead inFlight;
  private final Publisher publisher;
  private final Clock clock;
  private final Duration startBudget;
  private final EarlyOutcomes early;
  private final BooleanSupplier stopping;

  /** Once {@code stopping}, a batch starts no more records (see {@link Stopping}). */
  BatchProcessor(RecordHandler records, Bulkhead inFlight, Publisher publisher, Clock clock, Duration startBudget,
      EarlyOutcomes early, BooleanSupplier stopping) {
    this.stopping = stopping;
    this.records = records;
    this.inFlight = inFlight;
    this.publisher = publisher;
    this.clock = clock;
    this.startBudget = startBudget;
    this.early = early;
  }

  /**
   * Processes the batch and publishes the outcomes of the records it started, in offset order, up
   * to the first record it did not start or the worker's stop left unanswered.
   *
   * @return how many records, from the first, were processed: the batch's size unless the start
   *     budget ran out or the worker is stopping
   */
  int process(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<@Nullable CompletableFuture<Outcome>> outcomes = start(batch);
    List<CompletableFuture<Outcome>> started = outcomes.stream().filter(Objects::nonNull).toList();
    CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
    rethrowSystemicFailure(started);
    int done = answeredFromFirst(outcomes);
    for (int i = 0; i < done; i++) {
      publisher.publish(batch.get(i), outcomes.get(i).join());
    }
    if (done < batch.size() && stopping.getAsBoolean()) {
      log.info("worker stopping: {} of the batch's {} commands answered and committed; the other {} handed back to "
          + "the next worker, uncommitted (a create already made is replayed under its idempotency key)",
          done, batch.size(), batch.size() - done);
    } else if (done < batch.size()) {
      int kept = keepPastCut(batch, outcomes, done);
      log.info("batch cut after {} of {} commands: starting them took longer than {}, so the rest are "
          + "delivered again (the API is slower than a batch of this size can wait for); the {} among them "
          + "that finished past the cut are answered then, {} from their kept outcome without another API "
          + "call", done, batch.size(), DurationSettings.text(startBudget), started.size() - done, kept);
    }
    return done;
  }

  /** Keeps the outcomes of the records finished past the cut for their redelivery; returns how many. */
  private int keepPastCut(List<ConsumerRecord<byte[], byte[]>> batch,
      List<@Nullable CompletableFuture<Outcome>> outcomes, int cut) {
    int kept = 0;
    for (int i = cut; i < batch.size(); i++) {
      CompletableFuture<Outcome> outcome = outcomes.get(i);
      if (outcome != null && early.keep(batch.get(i), outcome.join())) {
        kept++;
      }
    }
    return kept;
  }

  /**
   * Starts each record when its key's turn comes and a permit is free, the earliest ready record
   * first; the listener thread waits for the permit, so only records actually running hold one. A
   * record whose outcome was kept from a cut batch is done at its turn, without a call.
   *
   * @return the outcome of each record of the batch, in offset order: null for a record not started
   */
  private List<@Nullable CompletableFuture<Outcome>> start(List<ConsumerRecord<byte[], byte[]>> batch) {
    KeyTurns turns = new KeyTurns(batch);
    List<@Nullable CompletableFuture<Outcome>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
    List<@Nullable Outcome> kept = early.take(batch);
    Instant stopStarting = clock.instant().plus(startBudget);
    for (int started = 0; started < batch.size(); started++) {
      int index = turns.next();
      Outcome keptOutcome = kept.get(index);
      if (keptOutcome != null) {
        outcomes.set(index, CompletableFuture.completedFuture(keptOutcome));
        turns.finished(index);
        continue;
      }
      inFlight.acquirePermission();
      if (started > 0 && (clock.instant().isAfter(stopStarting) || stopping.getAsBoolean())) {
        inFlight.releasePermission();
        break;
      }
      ConsumerRecord<byte[], byte[]> record = batch.get(index);
      outcomes.set(index, CompletableFuture.completedFuture(record)
          .thenCompose(records::handle)
          .handle(BatchProcessor::unlessSystemic)
          .whenComplete((ignored, error) -> {
            inFlight.onComplete();
            turns.finished(index);
          }));
    }
    return outcomes;
  }

  /**
   * An unexpected error in one record (a bug) dead-letters that record instead of failing the
   * batch forever; only a {@link SystemicFailureException} fails the batch.
   */
  private static Outcome unlessSystemic(@Nullable Outcome outcome, @Nullable Throwable error) {
    if (error == null) {
      return outcome;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof SystemicFailureException systemic) {
      throw systemic;
    }
    return new Outcome.DeadLettered(null, cause instanceof Exception ex ? ex : new IllegalStateException(cause));
  }

  /**
   * How many records, from the first, have their outcome: up to the first not started, or stopped
   * by the worker's stop ({@link WorkerStoppingException}) before it was answered.
   */
  private static int answeredFromFirst(List<@Nullable CompletableFuture<Outcome>> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      CompletableFuture<Outcome> outcome = outcomes.get(i);
      if (outcome == null || outcome.isCompletedExceptionally()) {
        return i;
      }
    }
    return outcomes.size();
  }

  /**
   * Fails the batch with the first failure of a started record, unless every failure is the
   * worker's stop: the records answered before the first stopped one are then committed and the
   * rest handed back, which rolls nothing back and so logs no error (spring-kafka logs every
   * rollback at ERROR with its stack trace, which an operator stopping a healthy worker would take
   * for a crash).
   */
  private static void rethrowSystemicFailure(List<CompletableFuture<Outcome>> outcomes) {
    for (CompletableFuture<Outcome> outcome : outcomes) {
      Throwable failure = failureOf(outcome);
      if (failure instanceof WorkerStoppingException) {
        continue;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }

  private static @Nullable Throwable failureOf(CompletableFuture<Outcome> outcome) {
    if (!outcome.isCompletedExceptionally()) {
      return null;
    }
    try {
      outcome.join();
      return null;
    } catch (CompletionException ex) {
      return ex.getCause() == null ? ex : ex.getCause();
    }
  }
}
