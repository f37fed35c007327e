package dev.provisioner.worker;

import dev.provisioner.testing.TestKafka;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

/** An upstream system as Spring users write one: a {@link ReplyingKafkaTemplate} on its own reply topic. */
final class RequestReply implements AutoCloseable {

  private final String commands;
  private final DefaultKafkaProducerFactory<String, String> producers;
  private final ReplyingKafkaTemplate<String, String, String> template;

  RequestReply(String commands, String replyTopic) {
    this.commands = commands;
    producers = new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, replyTopic + "-requester",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    KafkaMessageListenerContainer<String, String> replies =
        new KafkaMessageListenerContainer<>(consumers, new ContainerProperties(replyTopic));
    template = new ReplyingKafkaTemplate<>(producers, replies);
    template.setDefaultReplyTimeout(Duration.ofSeconds(60));
    template.start();
  }

  ConsumerRecord<String, String> sendAndReceive(String key, String value) throws Exception {
    template.waitForAssignment(Duration.ofSeconds(30));
    return template.sendAndReceive(new ProducerRecord<>(commands, key, value)).get();
  }

  @Override
  public void close() {
    template.stop();
    template.destroy();
    producers.destroy();
  }
}
