package dev.provisioner.tooling.submit;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param rows rows read
 * @param invalid rows that failed validation (listed in {@code problems})
 * @param sent commands sent
 * @param created rows answered {@code created}
 * @param rejected rows answered {@code rejected}
 * @param failed rows answered {@code failed}, or that could not be sent
 * @param unanswered rows without a reply when the wait ended
 * @param awaited whether replies were awaited
 * @param problems one line per invalid row: {@code line N: reason}
 */
public record SubmitSummary(long rows, long invalid, long sent, long created, long rejected,
    long failed, long unanswered, boolean awaited, List<String> problems) {

  /** 0 when every row was sent (and, when awaited, created); 1 when any was not. */
  public int exitCode() {
    boolean allGood = invalid == 0 && failed == 0 && rejected == 0 && unanswered == 0
        && (!awaited || created == rows);
    return allGood ? 0 : 1;
  }

  /** One line for the end of the run. */
  public String describe() {
    String replies = awaited ? ", %d created, %d rejected, %d failed, %d unanswered"
        .formatted(created, rejected, failed, unanswered) : "";
    return "%d rows: %d invalid, %d sent%s".formatted(rows, invalid, sent, replies);
  }
}
