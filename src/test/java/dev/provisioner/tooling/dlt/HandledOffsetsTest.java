package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offsets a replay handled past a left record, as kept in a commit's metadata. */
class HandledOffsetsTest {

  @Test
  void adjacentOffsetsMergeIntoRangesAndRoundTripThroughTheMetadata() {
    HandledOffsets handled = new HandledOffsets();
    for (long offset : new long[] {12, 10, 11, 20, 14, 13, 30}) {
      handled.add(offset);
    }

    String metadata = handled.metadata(0);
    HandledOffsets read = HandledOffsets.parse(metadata);

    assertThat(metadata).isEqualTo("handled:10-14,20,30");
    assertThat(read.metadata(0)).isEqualTo(metadata);
    assertThat(read.contains(14)).isTrue();
    assertThat(read.contains(15)).isFalse();
    assertThat(read.contains(9)).isFalse();
  }

  @Test
  void theMetadataKeepsOnlyWhatLiesAtOrPastTheCommittedOffset() {
    HandledOffsets handled = HandledOffsets.parse("handled:10-14,20,30");

    assertThat(handled.metadata(12)).isEqualTo("handled:12-14,20,30");
    assertThat(handled.metadata(21)).isEqualTo("handled:30");
    assertThat(handled.metadata(31)).isEmpty();
  }

  @Test
  void tooManyRangesForKafkasMetadataLimitKeepTheEarliestThatFit() {
    HandledOffsets handled = new HandledOffsets();
    for (long offset = 1_000_000; offset < 1_002_000; offset += 2) {
      handled.add(offset);
    }

    String metadata = handled.metadata(0);

    assertThat(metadata.length()).isLessThanOrEqualTo(HandledOffsets.MAX_METADATA);
    assertThat(metadata).startsWith("handled:1000000,1000002,");
    assertThat(HandledOffsets.parse(metadata).contains(1_000_000)).isTrue();
    assertThat(HandledOffsets.parse(metadata).contains(1_001_998)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "someone else's", "handled:", "handled:5-3", "handled:x",
      "handled:1,,2", "handled:99999999999999999999"})
  void metadataNotWrittenByAReplayIsNothingHandled(String metadata) {
    HandledOffsets handled = HandledOffsets.parse(metadata);

    assertThat(handled.isEmpty()).isTrue();
  }
}
