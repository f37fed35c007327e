package dev.provisioner.worker;

import io.github.resilience4j.bulkhead.Bulkhead;
import dev.provisioner.runtime.DurationSettings;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * thread waits for a permit before starting a record, which is the back-pressure on fetching.
 *
 * <p>A batch starts records for at most {@code startBudget}. Kafka drops a consumer that does not
 * poll within {@code max.poll.interval.ms}, and the batch's transaction with it; when the API is
 * slower than a whole batch can wait for (a rate limit of 20 calls a second against batches of
 * 3,000), every redelivery was rolled back again, and nothing was ever answered. Past the budget the
 * batch stops starting records, finishes those it started, and publishes their replies; the
 * listener commits them and Kafka delivers the rest again.
 */
final class BatchProcessor {

  private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

  private final RecordHandler records;
  private final Bulkhead inFlight;
  private final Publisher publisher;
  private final Clock clock;
  private final Duration startBudget;

  BatchProcessor(RecordHandler records, Bulkhead inFlight, Publisher publisher, Clock clock, Duration startBudget) {
    this.records = records;
    this.inFlight = inFlight;
    this.publisher = publisher;
    this.clock = clock;
    this.startBudget = startBudget;
  }

  /**
   * Processes the batch and publishes the outcomes of the records it started, in offset order.
   *
   * @return how many records, from the first, were processed: the batch's size unless the start
   *     budget ran out
   */
  int process(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<CompletableFuture<Outcome>> outcomes = start(batch);
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
    rethrowSystemicFailure(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      publisher.publish(batch.get(i), outcomes.get(i).join());
    }
    if (outcomes.size() < batch.size()) {
      log.info("batch cut after {} of {} commands: starting them took longer than {}, so the rest are "
          + "delivered again (the API is slower than a batch of this size can wait for)", outcomes.size(),
          batch.size(), DurationSettings.text(startBudget));
    }
    return outcomes.size();
  }

  private List<CompletableFuture<Outcome>> start(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<ByteBuffer, CompletableFuture<Outcome>> lastByKey = new HashMap<>();
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(batch.size());
    Instant stopStarting = clock.instant().plus(startBudget);
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      ByteBuffer key = record.key() == null ? null : ByteBuffer.wrap(record.key());
      CompletableFuture<?> before = key == null ? null : lastByKey.get(key);
      inFlight.acquirePermission();
      if (!outcomes.isEmpty() && clock.instant().isAfter(stopStarting)) {
        inFlight.releasePermission();
        break;
      }
      CompletableFuture<?> turn = before == null
          ? CompletableFuture.completedFuture(null)
          : before.handle((ignored, error) -> null);
      CompletableFuture<Outcome> outcome = turn
          .thenCompose(ignored -> records.handle(record))
          .handle(BatchProcessor::unlessSystemic)
          .whenComplete((ignored, error) -> inFlight.onComplete());
      if (key != null) {
        lastByKey.put(key, outcome);
      }
      outcomes.add(outcome);
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

  private static void rethrowSystemicFailure(List<CompletableFuture<Outcome>> outcomes) {
    for (CompletableFuture<Outcome> outcome : outcomes) {
      Throwable failure = failureOf(outcome);
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
