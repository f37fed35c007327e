package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Failed sends of the worker's producer read as one WARN line, not an ERROR with a stack trace per
 * record: a batch whose transaction fails fails every one of its replies (the chaos audit counted
 * 300 stack traces per rolled-back batch of 300).
 */
class SendFailureLogTest {

  private static final int SENDS = 50;

  @Test
  @SuppressWarnings("unchecked")
  void givenTheWorkersProducerWhenManySendsFailTheSameWayThenTheLogHoldsOneWarningWithoutStackTrace() {
    try (WorkerFixture fixture = new WorkerFixture()) {
      KafkaTemplate<byte[], byte[]> template = fixture.worker.getBean(KafkaTemplate.class);
      byte[] tooLarge = new byte[2 * 1024 * 1024];
      // Given the worker's log is captured
      try (LogCapture log = LogCapture.start()) {
        // When 50 sends fail, each in its own transaction, with the same reason
        for (int i = 0; i < SENDS; i++) {
          assertThatThrownBy(() -> template.executeInTransaction(operations ->
              operations.send(fixture.replies, tooLarge))).as("the transaction fails");
        }

        // Then the log holds one warning naming the topic and the reason, without stack trace
        assertThat(log.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
            .singleElement().satisfies(event -> {
              assertThat(event.getFormattedMessage())
                  .startsWith("sending to " + fixture.replies + " failed: RecordTooLargeException: ");
              assertThat(event.getThrowableProxy()).isNull();
            });
      }
    }
  }
}
