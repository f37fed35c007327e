package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.ParseResult.Invalid;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schema violations come back as one line naming the field and the rule. */
class CommandParserViolationsTest {

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{'customer':'bcus_1','external_reference':'a','currency':'zar'}"
          + "| account.currency: does not match ^[A-Z]{3}$",
      "{'customer':'bcus_1','external_reference':'a','colour':'red'}"
          + "| account.colour: is not a known field",
      "{'customer':'bcus_1','name':'x'}"
          + "| account.external_reference: is required",
      "{'external_reference':'a','name':'x'}"
          + "| account.customer: is required",
      "{'customer':'bcus_1','external_reference':'a','balance':5}"
          + "| account.currency: is required when balance is given",
      "{'customer':'bcus_1','external_reference':'a','currency':'ZAR','balance':9223372036854775808}"
          + "| account.balance: must have a maximum value of 9223372036854775807",
      "{'customer':'bcus_1','external_reference':'a','currency':'ZAR','balance':'1'}"
          + "| account.balance: must be integer, not string",
      "{'customer':'bcus_1','external_reference':'a','metadata':{'k':7}}"
          + "| account.metadata.k: must be string, not integer",
      "{'external_reference':'a','customer':{'external_reference':'c','tier':1}}"
          + "| account.customer.tier: is not a known field",
      "{'external_reference':'a','customer':{'external_reference':'c','phone':'0821234567'}}"
          + "| account.customer.phone: does not match ^\\+[1-9]\\d{1,14}$",
      "{'external_reference':'a','customer':42}"
          + "| account.customer: must be string or object, not integer",
  })
  void namesTheFieldAndTheRuleOfTheFirstViolation(String account, String detail) {
    // Given
    String value = "{\"message_id\":\"m-1\",\"account\":" + account.replace('\'', '"') + "}";

    // When
    Invalid invalid = parse(value, Map.of());

    // Then
    assertThat(invalid.detail()).isEqualTo(detail);
    assertThat(invalid.messageId()).isEqualTo("m-1");
  }

  @Test
  void namesTheMissingAccount() {
    // When
    Invalid invalid = parse("{\"message_id\":\"m\"}", Map.of());

    // Then
    assertThat(invalid.detail()).isEqualTo("account: is required");
  }

  @Test
  void namesAnUnknownTopLevelField() {
    // When
    Invalid invalid = parse("{\"message_id\":\"m\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"a\"},"
        + "\"priority\":1}", Map.of());

    // Then
    assertThat(invalid.detail()).isEqualTo("priority: is not a known field");
  }

  @Test
  void rejectsAnArrayValueAddressedByItsHeaderMessageId() {
    // When
    Invalid invalid = parse("[1,2]", Map.of("message-id", "h-1"));

    // Then
    assertThat(invalid.messageId()).isEqualTo("h-1");
    assertThat(invalid.detail()).isEqualTo("value: must be object, not array");
  }

  @Test
  void rejectsAnUnusableMessageIdFieldButStillAnswersUnderTheHeaderId() {
    // When
    Invalid invalid = parse("{\"message_id\":\"a\\nb\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"a\"}}",
        Map.of("message-id", "h-2"));

    // Then
    assertThat(invalid.messageId()).isEqualTo("h-2");
    assertThat(invalid.detail()).isEqualTo("message_id: must be a string of 1 to 255 characters,"
        + " not blank, without control characters or unpaired surrogates (it has control characters)");
  }

  @Test
  void truncatesAHugeHostileFieldNameAndEscapesItsControlCharacters() {
    // Given an unknown field whose name is 40,000 characters with line breaks
    String name = "evil\r\nFORGED LOG LINE " + "x".repeat(40_000);
    String value = "{\"message_id\":\"m\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"a\",\""
        + name.replace("\r", "\\r").replace("\n", "\\n") + "\":1}}";

    // When
    Invalid invalid = parse(value, Map.of());

    // Then
    assertThat(invalid.detail())
        .startsWith("account.evil\\u000D\\u000AFORGED LOG LINE xxx")
        .endsWith("…: is not a known field")
        .doesNotContain("\n", "\r")
        .hasSizeLessThan(120);
  }

  @Test
  void reportsThatMoreViolationsFollowTheFirst() {
    // When
    Invalid invalid = parse("{\"message_id\":\"m\",\"account\":{\"currency\":\"x\",\"name\":1}}",
        Map.of());

    // Then
    assertThat(invalid.detail()).matches(".*\\(and [0-9]+ more\\)$");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "1e999999999 | account.balance",
      "-1e30 | account.balance",
      "9.3e18 | account.balance",
      "2.0 | account.balance",
      "2e3 | account.balance",
      "1e19 | account.customer.balance",
  })
  void refusesABalanceWrittenAsAFloatEvenBeyondTheLongRange(String balance, String field) {
    // Given
    String fields = "\"currency\":\"ZAR\",\"balance\":" + balance;
    String account = field.equals("account.balance") ? "\"customer\":\"bcus_1\"," + fields
        : "\"customer\":{\"external_reference\":\"c\"," + fields + "}";

    // When
    Invalid invalid = parse("{\"message_id\":\"m\",\"account\":{\"external_reference\":\"a\","
        + account + "}}", Map.of());

    // Then
    assertThat(invalid.detail())
        .isEqualTo(field + ": must be an integer written without fraction or exponent");
  }

  @Test
  void reportsANumberLongerThanAnyBalanceAsNotJson() {
    // When
    ParseResult result = parser.parse(("{\"message_id\":\"m\",\"account\":{\"balance\":"
        + "9".repeat(5_000) + "}}").getBytes(UTF_8), Map.of("message-id", "h"));

    // Then
    assertThat(CommandParserTest.invalid(result, InvalidReason.NOT_JSON).detail())
        .isEqualTo("value is not JSON: number longer than 100 characters");
  }

  private Invalid parse(String value, Map<String, String> headers) {
    return CommandParserTest.invalid(parser.parse(value.getBytes(UTF_8), headers),
        InvalidReason.SCHEMA_VIOLATION);
  }
}
