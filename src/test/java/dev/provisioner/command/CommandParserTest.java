package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.ParseResult.Invalid;
import dev.provisioner.command.ParseResult.Parsed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

  private static final int MAX_BYTES = 1024 * 1024;
  private static final String ACCOUNT = "{\"customer\":\"bcus_1\",\"external_reference\":\"INV-1\"}";

  private final CommandParser parser = CommandParser.withMaxBytes(MAX_BYTES);

  @Test
  void parsesAValidCommandWithItsMessageIdAndAccount() {
    // Given
    String value = "{\"message_id\":\"m-1\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"INV-1\","
        + "\"currency\":\"ZAR\",\"balance\":2000}}";

    // When
    ParseResult result = parse(value, Map.of());

    // Then
    AccountCommand command = parsed(result);
    assertThat(command.messageId()).isEqualTo("m-1");
    assertThat(command.externalReference()).isEqualTo("INV-1");
    assertThat(command.account().get("balance").longValue()).isEqualTo(2000L);
  }

  @Test
  void prefersTheMessageIdFieldOverBothHeaders() {
    // Given
    String value = "{\"message_id\":\"from-field\",\"account\":" + ACCOUNT + "}";

    // When
    ParseResult result = parse(value, Map.of("message-id", "from-header", "ce_id", "from-ce"));

    // Then
    assertThat(parsed(result).messageId()).isEqualTo("from-field");
  }

  @Test
  void takesTheMessageIdHeaderWhenTheValueHasNoMessageId() {
    // When
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}",
        Map.of("message-id", "from-header", "ce_id", "from-ce"));

    // Then
    assertThat(parsed(result).messageId()).isEqualTo("from-header");
  }

  @Test
  void fallsBackToTheCloudEventsIdWhenNothingElseNamesTheMessage() {
    // When
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}", Map.of("ce_id", "from-ce"));

    // Then
    assertThat(parsed(result).messageId()).isEqualTo("from-ce");
  }

  @Test
  void skipsABlankMessageIdHeaderForTheCloudEventsId() {
    // When
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}",
        Map.of("message-id", "  ", "ce_id", "from-ce"));

    // Then
    assertThat(parsed(result).messageId()).isEqualTo("from-ce");
  }

  @Test
  void reportsNoMessageIdNamingEveryPlaceLookedWhenNoneHoldsAnything() {
    // When
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}", Map.of("kafka_correlationId", "c"));

    // Then
    assertNoMessageId(result, "no message ID: the value has no usable message_id"
        + " and neither the message-id nor the ce_id header holds one");
  }

  @Test
  void reportsNoMessageIdNamingAHeaderThatMissesTheNameOnlyByCase() {
    // When a producer writes the header as HTTP does
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}", Map.of("Message-ID", "m-1"));

    // Then
    assertNoMessageId(result, "no message ID: the value has no usable message_id"
        + " and neither the message-id nor the ce_id header holds one (a header named Message-ID was"
        + " given: header names are case-sensitive; the message ID goes in message-id)");
  }

  @Test
  void reportsNoMessageIdNamingTheEmptyHeaderWhenItIsTheOnlyCandidate() {
    // When
    ParseResult result = parse("{\"account\":" + ACCOUNT + "}", Map.of("message-id", ""));

    // Then
    assertNoMessageId(result, "no message ID: the message-id header is empty");
  }

  @Test
  void reportsNotJsonWithTheHeaderMessageIdSoTheRecordCanStillBeAnswered() {
    // When
    ParseResult result = parse("this is not json", Map.of("message-id", "m-2"));

    // Then
    Invalid invalid = invalid(result, InvalidReason.NOT_JSON);
    assertThat(invalid.messageId()).isEqualTo("m-2");
    assertThat(invalid.detail()).startsWith("value is not JSON (line 1, column");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"account\": {}",
      "{\"message_id\":\"a\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"x\"}} trailing",
      "{\"message_id\":\"a\",\"message_id\":\"b\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"x\"}}",
      "' '",
  })
  void reportsNotJsonForTruncatedTrailingDuplicateKeyOrBlankValues(String value) {
    // When
    ParseResult result = parse(value, Map.of());

    // Then
    invalid(result, InvalidReason.NOT_JSON);
  }

  @Test
  void reportsNotJsonForAnEmptyValue() {
    // When
    ParseResult empty = parser.parse(new byte[0], Map.of("ce_id", "c-1"));

    // Then
    Invalid invalid = invalid(empty, InvalidReason.NOT_JSON);
    assertThat(invalid.messageId()).isEqualTo("c-1");
    assertThat(invalid.detail()).isEqualTo("value is empty");
  }

  @Test
  void reportsATombstoneAsANullValueNotAnEmptyOne() {
    // When
    ParseResult absent = parser.parse(null, Map.of("message-id", "m-3"));

    // Then
    Invalid invalid = invalid(absent, InvalidReason.NOT_JSON);
    assertThat(invalid.messageId()).isEqualTo("m-3");
    assertThat(invalid.detail()).isEqualTo("value is null (a tombstone)");
  }

  @Test
  void reportsTooLargeWithoutParsingTheValue() {
    // Given a value over the limit that is not even JSON
    byte[] value = new byte[MAX_BYTES + 1];

    // When
    ParseResult result = parser.parse(value, Map.of("message-id", "big"));

    // Then
    Invalid invalid = invalid(result, InvalidReason.TOO_LARGE);
    assertThat(invalid.messageId()).isEqualTo("big");
    assertThat(invalid.detail()).contains(String.valueOf(MAX_BYTES + 1), String.valueOf(MAX_BYTES));
  }

  @Test
  void countsTheKeyAndHeadersAgainstTheLimitWithTheValue() {
    // Given a small valid command in a record whose key and headers fill the rest of the limit
    byte[] value = "{\"message_id\":\"m\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"x\"}}"
        .getBytes(UTF_8);

    // When
    ParseResult result = parser.parse(value, CommandHeaders.of(Map.of("message-id", "big")), MAX_BYTES - value.length + 1);

    // Then
    Invalid invalid = invalid(result, InvalidReason.TOO_LARGE);
    assertThat(invalid.messageId()).isEqualTo("big");
    assertThat(invalid.detail()).isEqualTo("record is " + (MAX_BYTES + 1) + " bytes (value " + value.length
        + ", key and headers " + (MAX_BYTES - value.length + 1) + "), more than the limit of " + MAX_BYTES);
    assertThat(parser.parse(value, CommandHeaders.of(Map.of()), MAX_BYTES - value.length))
        .as("a record of exactly the limit").isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void rejectsATwoMegabyteValueAndKeepsTheDetailShort() {
    // Given a 2 MB name, parsed by a parser that allows 4 MB
    CommandParser roomy = CommandParser.withMaxBytes(4 * MAX_BYTES);
    String value = "{\"message_id\":\"m\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"x\",\"name\":\""
        + "n".repeat(2 * MAX_BYTES) + "\"}}";

    // When
    ParseResult result = roomy.parse(value.getBytes(UTF_8), Map.of());

    // Then
    Invalid invalid = invalid(result, InvalidReason.SCHEMA_VIOLATION);
    assertThat(invalid.detail()).isEqualTo("account.name: must be at most 255 characters long");
  }

  @Test
  void reportsTenThousandNestedArraysAsNotJsonInsteadOfOverflowingTheStack() {
    // Given
    String value = "[".repeat(10_000) + "]".repeat(10_000);

    // When
    ParseResult result = parse(value, Map.of("message-id", "deep"));

    // Then
    Invalid invalid = invalid(result, InvalidReason.NOT_JSON);
    assertThat(invalid.detail()).isEqualTo("value is not JSON: nesting deeper than 32");
  }

  private ParseResult parse(String value, Map<String, String> headers) {
    return parser.parse(value.getBytes(UTF_8), headers);
  }

  static AccountCommand parsed(ParseResult result) {
    assertThat(result).isInstanceOf(Parsed.class);
    return ((Parsed) result).command();
  }

  static Invalid invalid(ParseResult result, InvalidReason reason) {
    assertThat(result).isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) result;
    assertThat(invalid.reason()).as(invalid.detail()).isEqualTo(reason);
    return invalid;
  }

  private static void assertNoMessageId(ParseResult result, String detail) {
    Invalid invalid = invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.messageId()).isNull();
    assertThat(invalid.detail()).isEqualTo(detail);
  }
}
