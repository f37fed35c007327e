package dev.provisioner.tooling.dlt;

import dev.provisioner.worker.CommandRejectedException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The replayed dead letters the worker had rejected (not JSON, no message ID, invalid, refused by
 * the API): a replay meets the same rejection and brings them back, which the run says, so an
 * operator does not take them for records the incident left.
 */
final class Rejections {

  /** Exactly this class: {@code CommandFailedException}, a failure worth replaying, extends it. */
  private static final String REJECTED = CommandRejectedException.class.getName();
  private static final int REASONS_SHOWN = 3;

  /** How many replayed dead letters had each reason. */
  private final TreeMap<String, Long> reasons = new TreeMap<>();
  private long count;

  /** Notes a dead letter this run replays (or would). */
  void replaying(DeadLetter letter) {
    if (letter.exceptionClass().equals(REJECTED)) {
      count++;
      reasons.merge(reasonOf(letter), 1L, Long::sum);
    }
  }

  /** Takes back a dead letter noted as replayed that was parked instead. */
  void parkedInstead(DeadLetter letter) {
    if (letter.exceptionClass().equals(REJECTED)) {
      count--;
      reasons.computeIfPresent(reasonOf(letter), (reason, n) -> n == 1 ? null : n - 1);
    }
  }

  private static String reasonOf(DeadLetter letter) {
    return Printable.of(letter.reason().substring(letter.reason().indexOf(':') + 1).strip());
  }

  /** One line about them, when there were any. */
  Optional<String> describe(int maxReplays) {
    if (count == 0) {
      return Optional.empty();
    }
    String shown = String.join(", ", reasons.keySet().stream().limit(REASONS_SHOWN).toList())
        + (reasons.size() > REASONS_SHOWN ? ", ..." : "");
    return Optional.of(count + " of them the worker had rejected (" + shown + "): a replay meets"
        + " the same rejection, unless the worker or the API changed, and dead-letters them again;"
        + " past --max-replays=" + maxReplays + " replays they are parked");
  }
}
