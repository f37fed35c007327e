package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.TestKafka;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The worker creates its three topics when they are missing, as its settings say. */
class WorkerTopicsTest {

  @Test
  void createsMissingTopicsWithTheConfiguredPartitions() throws Exception {
    String commands = TestKafka.uniqueTopic("new-commands");
    String replies = TestKafka.uniqueTopic("new-replies");
    String deadLetters = TestKafka.uniqueTopic("new-dlt");
    try (Sandbox sandbox = Sandbox.start();
        ConfigurableApplicationContext worker = WorkerApplication.start(List.of(
            "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--spring.kafka.consumer.group-id=" + commands,
            "--server.port=0",
            "--provisioner.api.base-url=" + sandbox.baseUrl(),
            "--provisioner.api.key=" + WorkerFixture.API_KEY,
            "--provisioner.topics.commands=" + commands,
            "--provisioner.topics.replies=" + replies,
            "--provisioner.topics.dead-letters=" + deadLetters,
            "--provisioner.topics.partitions=4"))) {

      Map<String, TopicDescription> topics = TestKafka.admin()
          .describeTopics(List.of(commands, replies, deadLetters)).allTopicNames().get();

      assertThat(topics).hasSize(3);
      assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(4));
      assertThat(worker.isRunning()).isTrue();
    }
  }
}
