package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowStatesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void oneReplyAnswersEveryRowOfItsMessageIdAndNoOther() {
    RowStates rows = new RowStates(true);
    RowState first = rows.track(valid(2, "m-same"));
    RowState other = rows.track(valid(3, "m-other"));
    RowState second = rows.track(valid(4, "m-same"));
    RowState third = rows.track(valid(5, "m-same"));
    AtomicInteger answered = new AtomicInteger();

    rows.onReply("m-same", reply("""
        {"status": "created", "replayed": true, "account": {"id": "bacc_1"}}"""), answered::incrementAndGet);

    assertThat(answered).hasValue(3);
    assertThat(new RowState[] {first, second, third})
        .allSatisfy(row -> {
          assertThat(row.status).isEqualTo("created");
          assertThat(row.accountId).isEqualTo("bacc_1");
          assertThat(row.replayed).isTrue();
        });
    assertThat(other.answered()).isFalse();
    assertThat(rows.unanswered()).isEqualTo(1);
    assertThat(rows.count("created")).isEqualTo(3);
    assertThat(rows.all()).extracting(row -> row.line).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  void aLaterFailedReplyDoesNotUndoACreatedRowAndARowNotSentStaysSo() {
    RowStates rows = new RowStates(true);
    RowState created = rows.track(valid(2, "m-1"));
    RowState notSent = rows.track(valid(3, "m-1"));
    RowStates.markNotSent(notSent, "broker did not acknowledge");

    rows.onReply("m-1", reply("""
        {"status": "created", "account": {"id": "bacc_1"}}"""), () -> { });
    rows.onReply("m-1", reply("""
        {"status": "failed", "error": {"status": 503, "title": "Service Unavailable", "detail": "down"}}"""),
        () -> { });

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
