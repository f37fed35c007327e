package dev.provisioner.tooling.dlt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a replay run has done so far, for its limit, its closing lines and its audit line. */
final class ReplayCounts {

  private long replayed;
  private long parked;
  private long skipped;
  private long left;
  private long refusedForGood;
  private long alreadyHandled;

  long replayedOrParked() {
    return replayed + parked;
  }

  /** A record handed to its original topic, or parked past {@code --max-replays}. */
  void sent(boolean park) {
    if (park) {
      parked++;
    } else {
      replayed++;
    }
  }

  /** A record counted as replayed that its original topic refused for good, so it was parked. */
  void refusedForGood() {
    replayed--;
    parked++;
    refusedForGood++;
  }

  /** A record the filter left, for a later run. */
  void left() {
    left++;
    skipped++;
  }

  /** A record no run can replay (no original topic, its value left out). */
  void unreplayable() {
    skipped++;
  }

  /** A record an earlier run replayed or parked after one its filter left. */
  void alreadyHandled() {
    alreadyHandled++;
    skipped++;
  }

  /**
   * The lines that close a run, about the records it did not simply replay; {@code rejections}
   * is the line about replayed records the worker had rejected, if any.
   */
  List<String> notes(String parkingTopic, Optional<String> rejections) {
    List<String> notes = new ArrayList<>();
    if (left > 0) {
      notes.add(left + " dead letters the filter left stay for a later run");
    }
    if (alreadyHandled > 0) {
      notes.add(alreadyHandled + " dead letters an earlier run replayed or parked after one its"
          + " filter left were passed, not sent again");
    }
    rejections.ifPresent(notes::add);
    if (refusedForGood > 0) {
      notes.add("parked " + refusedForGood + " refused for good by their original topic on "
          + Printable.of(parkingTopic) + ", each with a " + Republisher.REFUSED
          + " header saying why; once the cause is fixed, replay them with --dlt-topic="
          + Printable.of(parkingTopic));
    }
    return notes;
  }

  ReplaySummary summary(Instant at, String deadLetterTopic, ReplayOptions options) {
    return new ReplaySummary(at, deadLetterTopic, options.filter(), options.dryRun(),
        options.force(), replayed, parked, skipped);
  }
}
