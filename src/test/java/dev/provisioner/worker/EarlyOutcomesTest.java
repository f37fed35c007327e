package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Outcomes kept from a cut batch serve the redelivery of their records, and no other record. */
class EarlyOutcomesTest {

  private static final Outcome FIRST = new Outcome.DeadLettered(null, new IllegalStateException("first"));
  private static final Outcome SECOND = new Outcome.DeadLettered(null, new IllegalStateException("second"));

  @Test
  void givenOutcomesKeptWhenTheirRecordsComeAgainThenEachServesItsOwnRecordOnce() {
    EarlyOutcomes early = new EarlyOutcomes(10);
    early.keep(record(0, 12), FIRST);
    early.keep(record(1, 12), SECOND);

    // The redelivery from the cut: offsets 10 to 13 of partition 0, and offset 12 of partition 1
    List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(0, 10), record(0, 11), record(0, 12),
        record(1, 12), record(0, 13));

    assertThat(early.take(batch)).containsExactly(null, null, FIRST, SECOND, null);
    assertThat(early.take(batch)).as("taken once").containsOnlyNulls();
    assertThat(early.size()).isZero();
  }

  @Test
  void givenABatchPastAKeptOffsetWhenItIsTakenThenTheOutcomeIsDroppedButLaterOnesStay() {
    EarlyOutcomes early = new EarlyOutcomes(10);
    early.keep(record(0, 5), FIRST);
    early.keep(record(0, 20), SECOND);

    // A batch from offset 10 (another consumer committed past 5) and not yet reaching 20
    assertThat(early.take(List.of(record(0, 10), record(0, 11)))).containsOnlyNulls();
    assertThat(early.size()).as("offset 5 dropped, 20 kept").isEqualTo(1);

    assertThat(early.take(List.of(record(0, 20)))).containsExactly(SECOND);
  }

  @Test
  void givenCapacityKeptWhenAnotherComesThenItIsRefusedAndCalledAgain() {
    EarlyOutcomes early = new EarlyOutcomes(2);

    assertThat(early.keep(record(0, 1), FIRST)).isTrue();
    assertThat(early.keep(record(0, 2), FIRST)).isTrue();
    assertThat(early.keep(record(0, 3), SECOND)).isFalse();

    assertThat(early.take(List.of(record(0, 1), record(0, 2), record(0, 3)))).containsExactly(FIRST, FIRST, null);
  }

  @Test
  void givenTheSameRecordKeptTwiceThenItCountsOnce() {
    EarlyOutcomes early = new EarlyOutcomes(2);
    early.keep(record(0, 1), FIRST);

    assertThat(early.keep(record(0, 1), SECOND)).isTrue();
    assertThat(early.size()).isEqualTo(1);
    assertThat(early.take(List.of(record(0, 1)))).containsExactly(SECOND);
  }

  private static ConsumerRecord<byte[], byte[]> record(int partition, long offset) {
    return new ConsumerRecord<>("commands", partition, offset, new byte[0], new byte[0]);
  }
}
