package dev.provisioner.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static LocalBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = LocalBroker.start(0, null);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aProducedRecordCanBeConsumed() {
    // Given
    String topic = TestKafka.uniqueTopic("round-trip");

    // When
    TestClients.send(broker.bootstrapServers(), topic, "k", "hello");

    // Then
    assertThat(TestClients.readValues(broker.bootstrapServers(), topic, 1, TIMEOUT))
        .containsExactly("hello");
  }

  @Test
  void readCommittedConsumersSeeCommittedTransactionsAndNotAbortedOnes() {
    // Given
    String topic = TestKafka.uniqueTopic("transactions");
    try (KafkaProducer<String, String> producer =
        TestClients.transactionalProducer(broker.bootstrapServers(), topic + "-tx")) {
      // When
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed"));
      producer.commitTransaction();
    }

    // Then: the committed record comes after the aborted one, so reaching it proves the skip
    assertThat(TestClients.readValues(broker.bootstrapServers(), topic, 1, TIMEOUT))
        .containsExactly("committed");
  }

  @Test
  void recordsAndTopicsSurviveARestartOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
    // Given
    String topic = TestKafka.uniqueTopic("durable");
    try (LocalBroker first = LocalBroker.start(0, dataDir)) {
      createTopic(first, topic, 3);
      TestClients.send(first.bootstrapServers(), topic, "k", "before restart");
    }

    // When
    try (LocalBroker second = LocalBroker.start(0, dataDir)) {
      // Then
      assertThat(TestClients.readValues(second.bootstrapServers(), topic, 1, TIMEOUT))
          .containsExactly("before restart");
      try (Admin admin = admin(second)) {
        assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions())
            .hasSize(3);
      }
    }
  }

  @Test
  void aTemporaryDataDirectoryIsDeletedOnClose() {
    // Given
    LocalBroker temporary = LocalBroker.start(0, null);
    Path dataDir = temporary.dataDir();
    assertThat(dataDir.resolve("meta.properties")).exists();

    // When
    temporary.close();

    // Then
    assertThat(Files.exists(dataDir)).isFalse();
  }

  @Test
  void startingOnAPortInUseFailsWithAMessageNamingThePort() throws Exception {
    // Given
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("localhost", 0));
      int port = taken.getLocalPort();

      // When / Then
      assertThatThrownBy(() -> LocalBroker.start(port, null))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void aSecondBrokerOnALockedDataDirectoryFailsWithAMessageNamingTheDirectory(@TempDir Path dataDir) {
    // Given
    try (LocalBroker first = LocalBroker.start(0, dataDir)) {
      // When / Then
      assertThatThrownBy(() -> LocalBroker.start(0, dataDir))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining(dataDir.toAbsolutePath().toString());
    }
  }

  private static void createTopic(LocalBroker target, String topic, int partitions) throws Exception {
    try (Admin admin = admin(target)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  private static Admin admin(LocalBroker target) {
    return Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        target.bootstrapServers()));
  }
}
