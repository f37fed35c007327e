package dev.provisioner.bench;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * The peer most teams write: a spring-kafka record listener (what {@code @KafkaListener} builds),
 * concurrency = partitions, one record at a time, a blocking API call, a reply sent with a
 * {@link KafkaTemplate}, offsets committed by the container after each poll's records.
 */
final class ClassicListener implements SystemUnderTest {

  private final ConcurrentMessageListenerContainer<String, String> container;
  private final DefaultKafkaProducerFactory<String, String> producers;
  private final PeerHandler handler;

  private ClassicListener(ConcurrentMessageListenerContainer<String, String> container,
      DefaultKafkaProducerFactory<String, String> producers, PeerHandler handler) {
    this.container = container;
    this.producers = producers;
    this.handler = handler;
  }

  static ClassicListener start(SutSpec spec) {
    PeerHandler handler = new PeerHandler(spec);
    var producers = new DefaultKafkaProducerFactory<String, String>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
    var consumers = new DefaultKafkaConsumerFactory<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, spec.topicPrefix(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    ContainerProperties properties = new ContainerProperties(spec.commandsTopic());
    properties.setMessageListener((MessageListener<String, String>) record ->
        template.send(handler.handle(record.key(), record.value())));
    var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setConcurrency(spec.partitions());
    container.start();
    return new ClassicListener(container, producers, handler);
  }

  @Override
  public void close() {
    container.stop();
    producers.destroy();
    handler.close();
  }
}
