package dev.provisioner.worker;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The worker's Kafka listener: one call per polled batch, inside the batch's transaction. A
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
  void onBatch(List<ConsumerRecord<byte[], byte[]>> batch) {
    try {
      processor.process(batch);
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
