package dev.provisioner.tooling.submit;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The report's rows in file order, kept only when replies are awaited, and the outcomes replies
 * give them. A reply is matched to the very row whose command it answers by the correlation ID
 * that command carried (this run's number and the row's index), not by message ID: a row repeated
 * in the file sends the same message ID twice, and only the second reply says the account existed
 * already; a late reply to an earlier run's command is not this run's answer. Without awaiting
 * nothing is kept, so memory stays flat. With it, a row costs at most about 250 bytes of heap
 * (1,000,000 rows ran in {@code -Xmx384m}, not in {@code -Xmx256m}), statuses shared.
 */
final class RowStates {

  private static final int CORRELATION_BYTES = 2 * Long.BYTES;

  private final boolean keep;
  private final long run = new SecureRandom().nextLong();
  private final List<RowState> rows = new ArrayList<>();

  RowStates(boolean keep) {
    this.keep = keep;
  }

  /** The row's state, kept for the report; null when nothing is kept. */
  @Nullable RowState track(SubmitRow row) {
    if (!keep) {
      return null;
    }
    RowState state;
    if (row instanceof SubmitRow.Invalid invalid) {
      state = new RowState(rows.size(), invalid.line(), invalid.messageId(), invalid.externalReference(),
          RowState.INVALID, invalid.reason());
    } else {
      SubmitRow.Valid valid = (SubmitRow.Valid) row;
      state = new RowState(rows.size(), valid.line(), valid.messageId(), valid.externalReference(), null, null);
    }
    rows.add(state);
    return state;
  }

  /** The correlation ID for the command of {@code state}; its reply echoes it. */
  byte[] correlationId(RowState state) {
    return ByteBuffer.allocate(CORRELATION_BYTES).putLong(run).putLong(state.index).array();
  }

  static void markNotSent(@Nullable RowState state, String reason) {
    if (state != null) {
      state.status = RowState.NOT_SENT;
      state.accountId = null;
      state.error = reason;
    }
  }

  /** Applies a reply to the row whose command it answers; runs {@code firstAnswer} if it is the row's first. */
  void onReply(byte[] correlationId, JsonNode reply, Runnable firstAnswer) {
    RowState state = rowOf(correlationId);
    String status = shared(reply.path("status").asString(""));
    // a row counted not sent stays so, or the counts of the summary would disagree
    if (state == null || RowState.NOT_SENT.equals(state.status)
        || (state.answered() && !"created".equals(status))) {
      return;
    }
    if (!state.answered()) {
      firstAnswer.run();
    }
    state.status = status;
    state.accountId = "created".equals(status) ? reply.path("account").path("id").asString(null) : null;
    state.replayed = "created".equals(status)
        && (reply.path("replayed").asBoolean(false) || reply.path("reconciled").asBoolean(false));
    state.error = "created".equals(status) ? null : errorOf(reply);
  }

  /** The row a correlation ID of this run names; null for another run's or anyone else's. */
  private @Nullable RowState rowOf(byte[] correlationId) {
    if (correlationId.length != CORRELATION_BYTES) {
      return null;
    }
    ByteBuffer id = ByteBuffer.wrap(correlationId);
    long index = id.getLong(Long.BYTES);
    return id.getLong(0) == run && index >= 0 && index < rows.size() ? rows.get((int) index) : null;
  }

  /** The contract's statuses as one constant each, not a string per row. */
  private static String shared(String status) {
    return switch (status) {
      case "created" -> "created";
      case "rejected" -> "rejected";
      case "failed" -> "failed";
      default -> status;
    };
  }

  private static String errorOf(JsonNode reply) {
    JsonNode error = reply.path("error");
    String detail = error.path("detail").asString("");
    return error.path("status").asInt() + " " + error.path("title").asString("") + ": " + detail;
  }

  List<RowState> all() {
    return rows;
  }

  boolean anyUnanswered() {
    return rows.stream().anyMatch(row -> !row.answered());
  }

  long unanswered() {
    return rows.stream().filter(row -> !row.answered()).count();
  }

  /** Rows created whose account already existed (e.g. from an earlier, interrupted run). */
  long replayed() {
    return rows.stream().filter(row -> row.replayed).count();
  }

  long count(String status) {
    return rows.stream().filter(row -> status.equals(row.status)).count();
  }
}
