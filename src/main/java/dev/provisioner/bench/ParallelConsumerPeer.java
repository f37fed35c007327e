package dev.provisioner.bench;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Confluent's parallel-consumer in KEY order, {@code maxConcurrency} = the in-flight limit, each
 * of its worker threads blocking on the same API client, replies produced by
 * {@code pollAndProduce}.
 */
final class ParallelConsumerPeer implements SystemUnderTest {

  private final ParallelStreamProcessor<String, String> processor;
  private final PeerHandler handler;

  private ParallelConsumerPeer(ParallelStreamProcessor<String, String> processor,
      PeerHandler handler) {
    this.processor = processor;
    this.handler = handler;
  }

  static ParallelConsumerPeer start(SutSpec spec) {
    PeerHandler handler = new PeerHandler(spec);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, spec.topicPrefix(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    var options = ParallelConsumerOptions.<String, String>builder()
        .consumer(consumer).producer(producer)
        .ordering(ProcessingOrder.KEY).maxConcurrency(spec.inFlight()).build();
    ParallelStreamProcessor<String, String> processor =
        ParallelStreamProcessor.createEosStreamProcessor(options);
    processor.subscribe(List.of(spec.commandsTopic()));
    processor.pollAndProduce(context -> {
      var record = context.getSingleConsumerRecord();
      return handler.handle(record.key(), record.value());
    });
    return new ParallelConsumerPeer(processor, handler);
  }

  @Override
  public void close() {
    processor.close();
    handler.close();
  }
}
