package dev.provisioner.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

  @Test
  void createdTopicsHaveTheRequestedPartitionsAndCarryRecords() throws Exception {
    // Given
    String topic = TestKafka.uniqueTopic("test-kafka");

    // When
    TestKafka.createTopics(3, topic);
    TestClients.send(TestKafka.bootstrapServers(), topic, "k", "shared broker");

    // Then
    try (Admin admin = TestKafka.admin()) {
      assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions())
          .hasSize(3);
    }
    assertThat(TestClients.readValues(TestKafka.bootstrapServers(), topic, 1, Duration.ofSeconds(30)))
        .containsExactly("shared broker");
  }

  @Test
  void sendAcknowledgedFailsWhenTheBrokerDidNotTakeEveryRecord() throws Exception {
    // Given: a producer that cannot send the second record (larger than its request size)
    String topic = TestKafka.uniqueTopic("test-kafka");
    TestKafka.createTopics(1, topic);
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      List<ProducerRecord<String, String>> records = List.of(new ProducerRecord<>(topic, "k", "small"),
          new ProducerRecord<>(topic, "k", "x".repeat(2048)), new ProducerRecord<>(topic, "k", "small"));

      // When / Then
      assertThatThrownBy(() -> TestClients.sendAcknowledged(producer, records))
          .hasMessage("1 of 3 records were not acknowledged by the broker")
          .hasCauseInstanceOf(RecordTooLargeException.class);
    }
  }

  @Test
  void uniqueTopicsKeepThePrefixAndDiffer() {
    // When
    String first = TestKafka.uniqueTopic("orders");
    String second = TestKafka.uniqueTopic("orders");

    // Then
    assertThat(first).startsWith("orders-").isNotEqualTo(second);
  }
}
