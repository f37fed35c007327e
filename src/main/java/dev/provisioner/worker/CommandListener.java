package dev.provisioner.worker;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The worker's Kafka listener: one call per polled batch, inside the batch's transaction, which
 * commits the offsets of the records the batch finished (all, unless it was cut short). A
 * fault a person must fix stops consumption (health DOWN, one log line) instead of dead-lettering
 * every command; the batch is rolled back and waits for the restart.
 *
 * <p>The consumer group is {@code spring.kafka.consumer.group-id}, not the listener's ID.
 */
final class CommandListener {

  static final String ID = "account-commands";
  private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

  private final BatchProcessor processor;
  private final WorkerStatus status;
  private final KafkaListenerEndpointRegistry listeners;

  CommandListener(BatchProcessor processor, WorkerStatus status, KafkaListenerEndpointRegistry listeners) {
    this.processor = processor;
    this.status = status;
    this.listeners = listeners;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = "${provisioner.topics.commands:account-commands}", batch = "true")
  void onBatch(List<ConsumerRecord<byte[], byte[]>> batch, Acknowledgment acknowledgment) {
    try {
      int done = processor.process(batch);
      if (done == batch.size()) {
        acknowledgment.acknowledge();
      } else {
        // Commits the records before the index with the replies, and seeks back to the rest.
        acknowledgment.nack(done, Duration.ZERO);
      }
    } catch (SystemicFailureException failure) {
      if (failure.needsOperator()) {
        listeners.getListenerContainer(ID).pause();
        if (status.stop(failure.getMessage())) {
          log.error("consumption stopped: {}", failure.getMessage());
        }
      }
      throw failure;
    }
  }
}
