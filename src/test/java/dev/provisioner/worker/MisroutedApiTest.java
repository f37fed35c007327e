package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A base URL that does not lead to Moment's create endpoint is the configuration's fault: the
 * commands must stay replayable, not be rejected as if the API had judged them.
 */
class MisroutedApiTest {

  @Test
  void givenABaseUrlWithAWrongPathWhenACommandRunsThenItFailsIntoTheDeadLetterTopicNamingTheSetting() {
    // Given: the sandbox answers 404 "no such endpoint" to POST /v1/billing/accounts
    try (WorkerFixture fixture = new WorkerFixture(List.of(), base -> base + "/v1",
        "--provisioner.resilience.max-attempts=2",
        "--provisioner.resilience.initial-backoff=10ms")) {
      // When
      fixture.send("mis-1", WorkerFixture.command("mis-1", "ref-mis-1"));

      // Then
      JsonNode reply = fixture.awaitReply("mis-1");
      assertThat(reply.path("status").asString()).as("reply " + reply).isEqualTo("failed");
      assertThat(reply.path("error").path("detail").asString()).as("reply " + reply)
          .contains("check provisioner.api.base-url");
      List<ConsumerRecord<byte[], byte[]>> dead = fixture.awaitDeadLetters(
          record -> "mis-1".equals(WorkerFixture.header(record, "message-id")), 1);
      assertThat(WorkerFixture.header(dead.get(0), "kafka_dlt-exception-message"))
          .startsWith("gave up after 2 API calls: 404");
    }
  }
}
