package dev.provisioner.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
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
  void uniqueTopicsKeepThePrefixAndDiffer() {
    // When
    String first = TestKafka.uniqueTopic("orders");
    String second = TestKafka.uniqueTopic("orders");

    // Then
    assertThat(first).startsWith("orders-").isNotEqualTo(second);
  }
}
