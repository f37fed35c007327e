package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A message ID sent again with another body: the second command is rejected saying so. */
class ReusedMessageIdTest {

  @Test
  void givenAMessageIdAlreadyUsedWhenACommandWithAnotherBodyReusesItThenItsRejectionSaysTheMessageIdWasReused() {
    try (WorkerFixture fixture = new WorkerFixture(FaultInjectionTest.FAST)) {
      // Given
      fixture.send("reuse-a", WorkerFixture.command("reuse-1", "ref-reuse-a"));
      assertThat(fixture.awaitReply("reuse-1").path("status").asString()).isEqualTo("created");

      // When
      fixture.send("reuse-b", WorkerFixture.command("reuse-1", "ref-reuse-b"));

      // Then
      List<ConsumerRecord<byte[], byte[]>> replies = fixture.awaitReplies("reuse-1", 2);
      JsonNode second = WorkerFixture.value(replies.get(1));
      assertThat(second.path("status").asString()).as("second reply " + second).isEqualTo("rejected");
      assertThat(second.path("error").path("detail").asString()).as("second reply " + second)
          .startsWith("this message ID was used before for a command with another body");
      assertThat(fixture.accountCount()).isEqualTo(1);
    }
  }
}
