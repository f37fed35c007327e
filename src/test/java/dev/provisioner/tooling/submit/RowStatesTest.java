package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowStatesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aReplyAnswersTheRowWhoseCorrelationIdItEchoesAndNoOtherOfItsMessageId() {
    // Given a row repeated in the file: both send the message ID m-same
    RowStates rows = new RowStates(true);
    RowState first = rows.track(valid(2, "m-same"));
    RowState other = rows.track(valid(3, "m-other"));
    RowState repeat = rows.track(valid(4, "m-same"));
    AtomicInteger answered = new AtomicInteger();

    // When the first command's reply says created now, the repeat's that the account existed
    rows.onReply(rows.correlationId(first), reply("""
        {"status": "created", "replayed": false, "account": {"id": "bacc_1"}}"""), answered::incrementAndGet);
    rows.onReply(rows.correlationId(repeat), reply("""
        {"status": "created", "replayed": true, "account": {"id": "bacc_1"}}"""), answered::incrementAndGet);

    // Then each row keeps its own reply
    assertThat(answered).hasValue(2);
    assertThat(first.replayed).isFalse();
    assertThat(repeat.replayed).isTrue();
    assertThat(new RowState[] {first, repeat}).allSatisfy(row -> {
      assertThat(row.status).isEqualTo("created");
      assertThat(row.accountId).isEqualTo("bacc_1");
    });
    assertThat(other.answered()).isFalse();
    assertThat(rows.unanswered()).isEqualTo(1);
    assertThat(rows.replayed()).isEqualTo(1);
    assertThat(rows.all()).extracting(row -> row.line).containsExactly(2L, 3L, 4L);
  }

  @Test
  void aReplyToAnotherRunsCommandAnswersNoRow() {
    // Given two runs of the same file
    RowStates earlier = new RowStates(true);
    RowStates now = new RowStates(true);
    RowState earlierRow = earlier.track(valid(2, "m-1"));
    RowState row = now.track(valid(2, "m-1"));

    // When a reply to the earlier run's command arrives late
    now.onReply(earlier.correlationId(earlierRow), reply("""
        {"status": "created", "account": {"id": "bacc_1"}}"""), () -> { });

    // Then this run still awaits its own
    assertThat(row.answered()).isFalse();
  }

  @Test
  void aLaterFailedReplyDoesNotUndoACreatedRowAndARowNotSentStaysSo() {
    RowStates rows = new RowStates(true);
    RowState created = rows.track(valid(2, "m-1"));
    RowState notSent = rows.track(valid(3, "m-2"));
    RowStates.markNotSent(notSent, "broker did not acknowledge");

    rows.onReply(rows.correlationId(created), reply("""
        {"status": "created", "account": {"id": "bacc_1"}}"""), () -> { });
    rows.onReply(rows.correlationId(created), reply("""
        {"status": "failed", "error": {"status": 503, "title": "Service Unavailable", "detail": "down"}}"""),
        () -> { });
    rows.onReply(rows.correlationId(notSent), reply("""
        {"status": "created", "account": {"id": "bacc_2"}}"""), () -> { });

    assertThat(created.status).isEqualTo("created");
    assertThat(created.replayed).isFalse();
    assertThat(notSent.status).isEqualTo(RowState.NOT_SENT);
    assertThat(notSent.error).isEqualTo("broker did not acknowledge");
  }

  @Test
  void withoutAwaitingNothingIsKept() {
    RowStates rows = new RowStates(false);

    assertThat(rows.track(valid(2, "m-1"))).isNull();
    assertThat(rows.all()).isEmpty();
  }

  private static SubmitRow.Valid valid(long line, String messageId) {
    return new SubmitRow.Valid(line, messageId, "ref-" + line, new byte[0]);
  }

  private static JsonNode reply(String json) {
    return JSON.readTree(json);
  }
}
