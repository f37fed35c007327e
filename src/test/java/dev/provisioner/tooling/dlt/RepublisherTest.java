package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which refused sends a replay parks and which stop it, as {@code await} reports them. */
class RepublisherTest {

  @ParameterizedTest
  @ValueSource(strings = {"invalid-topic", "too-large", "batch-too-large", "invalid-record"})
  void aRefusalNoOperatorCanSetRightIsForGood(String kind) {
    assertThat(Republisher.refusedForGood(awaited(kafka(kind)))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-authorized", "unknown-topic", "timeout"})
  void aRefusalAnOperatorMaySetRightIsNotForGood(String kind) {
    assertThat(Republisher.refusedForGood(awaited(kafka(kind)))).isFalse();
  }

  /** As {@link Republisher#await} wraps a failed send. */
  private static IllegalStateException awaited(RuntimeException refusal) {
    return new IllegalStateException("cannot send to t: " + refusal.getMessage(),
        new ExecutionException(refusal));
  }

  private static RuntimeException kafka(String kind) {
    return switch (kind) {
      case "invalid-topic" -> new InvalidTopicException("Invalid topics: [bad topic!]");
      case "too-large" -> new RecordTooLargeException("too large");
      case "batch-too-large" -> new RecordBatchTooLargeException("batch too large");
      case "invalid-record" -> new InvalidRecordException("Compacted topic cannot accept message without key");
      case "not-authorized" -> new TopicAuthorizationException("Not authorized to access topics: [t]");
      case "unknown-topic" -> new UnknownTopicOrPartitionException("unknown");
      case "timeout" -> new TimeoutException("Topic t not present in metadata after 60000 ms.");
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
