package dev.provisioner.tooling.submit;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param rows rows read
 * @param invalid rows that failed validation (listed in {@code problems})
 * @param sent commands the broker acknowledged
 * @param notSent valid rows whose command the broker did not acknowledge, or that were never sent
 * @param created rows answered {@code created}
 * @param replayed of those, rows whose account already existed (the reply said {@code replayed})
 * @param rejected rows answered {@code rejected}
 * @param failed rows answered {@code failed}
 * @param unanswered rows sent without a reply when the wait ended
 * @param awaited whether replies were awaited
 * @param problems one line per invalid row: {@code line N: reason}
 */
public record SubmitSummary(long rows, long invalid, long sent, long notSent, long created,
    long replayed, long rejected, long failed, long unanswered, boolean awaited, List<String> problems) {

  /** 0 when every row was sent (and, when awaited, created); 1 when any was not. */
  public int exitCode() {
    boolean allGood = invalid == 0 && notSent == 0 && failed == 0 && rejected == 0
        && unanswered == 0 && (!awaited || created == rows);
    return allGood ? 0 : 1;
  }

  /** One line for the end of the run; {@code N not sent} appears only when N is not 0. */
  public String describe() {
    String unsent = notSent == 0 ? "" : ", %d not sent".formatted(notSent);
    String existed = replayed == 0 ? "" : " (%d of them already existed: replayed)".formatted(replayed);
    String replies = awaited ? ", %d created%s, %d rejected, %d failed, %d unanswered"
        .formatted(created, existed, rejected, failed, unanswered) : "";
    return "%d rows: %d invalid, %d sent%s%s".formatted(rows, invalid, sent, unsent, replies);
  }
}
