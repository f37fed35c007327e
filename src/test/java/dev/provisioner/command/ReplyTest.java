package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.networknt.schema.Schema;
import dev.provisioner.accounts.Problem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ReplyTest {

  private static final Schema SCHEMA = SchemaFiles.load(SchemaFiles.REPLY);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String KEY = IdempotencyKeys.forCreate("m-1", 0);

  private final ObjectNode account = MAPPER.createObjectNode()
      .put("id", "bacc_H4jp6KnU5cPw263v1jyz4")
      .put("external_reference", "INV-1");

  @Test
  void writesACreatedReplyInSnakeCaseThatTheSchemaAccepts() {
    // When
    JsonNode json = MAPPER.valueToTree(Reply.created("m-1", KEY, account, true, 2));

    // Then
    assertThat(SCHEMA.validate(json)).isEmpty();
    assertThat(json.get("message_id").stringValue()).isEqualTo("m-1");
    assertThat(json.get("idempotency_key").stringValue()).isEqualTo("acct-create-r0-m-1");
    assertThat(json.get("status").stringValue()).isEqualTo("created");
    assertThat(json.get("account")).isEqualTo(account);
    assertThat(json.get("replayed").booleanValue()).isTrue();
    assertThat(json.get("attempts").intValue()).isEqualTo(2);
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void writesARejectedReplyForAnInvalidCommandThatTheSchemaAccepts() {
    // Given
    var invalid = new ParseResult.Invalid(InvalidReason.SCHEMA_VIOLATION, "m-1",
        "account.currency: does not match ^[A-Z]{3}$");

    // When
    JsonNode json = MAPPER.valueToTree(Reply.rejected("m-1", KEY, invalid.toProblem(), false, 0));

    // Then
    assertThat(SCHEMA.validate(json)).isEmpty();
    assertThat(json.get("status").stringValue()).isEqualTo("rejected");
    assertThat(json.at("/error/type").stringValue())
        .isEqualTo("urn:account-provisioner:problem#schema-violation");
    assertThat(json.at("/error/status").intValue()).isEqualTo(400);
    assertThat(json.at("/error/detail").stringValue()).contains("account.currency");
    assertThat(json.has("account")).isFalse();
  }

  @Test
  void writesNullIdsInARejectedReplyToARecordWithoutMessageId() {
    // Given
    var invalid = new ParseResult.Invalid(InvalidReason.NO_MESSAGE_ID, null, "no message ID");

    // When
    JsonNode json = MAPPER.valueToTree(Reply.rejected(null, null, invalid.toProblem(), false, 0));

    // Then
    assertThat(SCHEMA.validate(json)).isEmpty();
    assertThat(json.get("message_id").isNull()).isTrue();
    assertThat(json.get("idempotency_key").isNull()).isTrue();
  }

  @Test
  void writesAFailedReplyWhoseProblemLacksADetailWithTheTitleAsDetail() {
    // Given
    Problem unavailable = Problem.of("service-unavailable", "Service Unavailable", 503, null);

    // When
    JsonNode json = MAPPER.valueToTree(Reply.failed("m-1", KEY, unavailable, true, 3));

    // Then
    assertThat(SCHEMA.validate(json)).isEmpty();
    assertThat(json.at("/error/detail").stringValue()).isEqualTo("Service Unavailable");
  }

  @Test
  void readsBackTheReplyItWrote() {
    // Given
    Reply reply = Reply.created("m-1", KEY, account, false, 1);

    // When
    Reply read = MAPPER.readValue(MAPPER.writeValueAsString(reply), Reply.class);

    // Then
    assertThat(read).isEqualTo(reply);
  }

  @Test
  void refusesToBuildRepliesTheSchemaWouldReject() {
    Problem problem = Problem.of("conflict", "Conflict", 409, "exists");
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Reply("m", KEY, ReplyStatus.CREATED, null, null, false, false, 1));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Reply("m", KEY, ReplyStatus.CREATED, account, problem, false, false, 1));
    assertThatIllegalArgumentException().isThrownBy(
        () -> Reply.failed(null, null, problem, false, 1));
    assertThatIllegalArgumentException().isThrownBy(
        () -> Reply.rejected("m", KEY, problem, false, -1));
  }
}
