package dev.provisioner.worker;

import io.github.resilience4j.bulkhead.Bulkhead;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Processes one polled batch: many commands in flight at once, never two with the same key, then
 * every reply and dead letter published in offset order on the listener thread, inside the
 * batch's Kafka transaction, which commits them together with the batch's offsets.
 *
 * <p>The in-flight limit is a resilience4j {@link Bulkhead} shared by all consumers: the listener
 * thread waits for a permit before starting a record, which is the back-pressure on fetching.
 */
final class BatchProcessor {

  private final RecordHandler records;
  private final Bulkhead inFlight;
  private final Publisher publisher;

  BatchProcessor(RecordHandler records, Bulkhead inFlight, Publisher publisher) {
    this.records = records;
    this.inFlight = inFlight;
    this.publisher = publisher;
  }

  void process(List<ConsumerRecord<byte[], byte[]>> batch) {
    List<CompletableFuture<Outcome>> outcomes = start(batch);
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
    rethrowSystemicFailure(outcomes);
    for (int i = 0; i < batch.size(); i++) {
      publisher.publish(batch.get(i), outcomes.get(i).join());
    }
  }

  private List<CompletableFuture<Outcome>> start(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<ByteBuffer, CompletableFuture<Outcome>> lastByKey = new HashMap<>();
    List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(batch.size());
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      ByteBuffer key = record.key() == null ? null : ByteBuffer.wrap(record.key());
      CompletableFuture<?> before = key == null ? null : lastByKey.get(key);
      inFlight.acquirePermission();
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
