package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The order in which a batch's records may start: after the previous record of their key, earliest first. */
class KeyTurnsTest {

  @Test
  void recordsWithoutAnEarlierRecordOfTheirKeyMayStartAtOnceEarliestFirst() {
    KeyTurns turns = new KeyTurns(batch("a", "b", "a", null, "b", null));

    assertThat(List.of(turns.next(), turns.next(), turns.next(), turns.next())).containsExactly(0, 1, 3, 5);
  }

  @Test
  void aRecordWaitingForItsKeyDoesNotKeepLaterRecordsOfOtherKeysWaiting() {
    // Given a hot key's three records ahead of another key's record
    KeyTurns turns = new KeyTurns(batch("hot", "hot", "hot", "cold"));

    // When the first starts; then the record of the other key may start before the hot key's second
    assertThat(turns.next()).isEqualTo(0);
    assertThat(turns.next()).isEqualTo(3);
  }

  @Test
  void aRecordMayStartOnceThePreviousRecordOfItsKeyHasFinishedAndGoesBeforeLaterReadyRecords() {
    // Given records 0 and 1 started, and record 2 waiting for record 0
    KeyTurns turns = new KeyTurns(batch("a", "b", "a", "c", "d"));
    turns.next();
    turns.next();

    // When record 0 finishes, record 2 is next, ahead of records 3 and 4
    turns.finished(0);

    assertThat(List.of(turns.next(), turns.next(), turns.next())).containsExactly(2, 3, 4);
  }

  @Test
  void aRecordWithoutALaterRecordOfItsKeyMakesNoOtherReadyWhenItFinishes() {
    KeyTurns turns = new KeyTurns(batch("a", "a", "b"));
    turns.next();
    turns.next();

    turns.finished(2);
    turns.finished(0);

    assertThat(turns.next()).as("only the record after 0 became ready").isEqualTo(1);
  }

  private static List<ConsumerRecord<byte[], byte[]>> batch(String... keys) {
    return Arrays.stream(keys)
        .map(key -> new ConsumerRecord<>("commands", 0, 0L,
            key == null ? null : key.getBytes(StandardCharsets.UTF_8), new byte[0]))
        .toList();
  }
}
