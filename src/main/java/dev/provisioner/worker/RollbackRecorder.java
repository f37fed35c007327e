package dev.provisioner.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * spring-kafka's after-rollback processor (seek back, back off, deliver again), which also makes
 * each rollback visible: {@code provisioner_batches_rolled_back_total} and the worker's health
 * details ({@code rolledBackBatches}, {@code lastRollback}).
 *
 * <p>A batch that keeps failing is redelivered forever and, having been fetched, does not show
 * as consumer lag; without this count a stalled worker would look healthy and idle.
 */
final class RollbackRecorder extends DefaultAfterRollbackProcessor<Object, Object> {

  private final Counter rolledBack;
  private final WorkerStatus status;

  RollbackRecorder(BackOff backOff, MeterRegistry registry, WorkerStatus status) {
    super(backOff);
    this.rolledBack = Counter.builder("provisioner.batches.rolled.back")
        .description("Batches whose transaction was rolled back, to be delivered again")
        .register(registry);
    this.status = status;
  }

  @Override
  public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
      Consumer<Object, Object> consumer, MessageListenerContainer container, Exception exception,
      boolean recoverable, ContainerProperties.EOSMode eosMode) {
    record(exception);
    super.processBatch(records, recordList, consumer, container, exception, recoverable, eosMode);
  }

  @Override
  public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
      MessageListenerContainer container, Exception exception, boolean recoverable,
      ContainerProperties.EOSMode eosMode) {
    record(exception);
    super.process(records, consumer, container, exception, recoverable, eosMode);
  }

  private void record(Exception exception) {
    rolledBack.increment();
    status.rolledBack(rootCause(exception));
  }

  private static String rootCause(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
