package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.ParseResult.Invalid;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile message IDs: none may collapse into another's ID, and when none is usable the detail
 * says what is wrong with each candidate, without quoting it.
 */
class CommandParserMessageIdTest {

  private static final String ACCOUNT = "\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"INV-1\"}";
  private static final String RULE = "must be a string of 1 to 255 characters, not blank,"
      + " without control characters or unpaired surrogates";

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

  @Test
  void rejectsAMessageIdHeaderThatIsNotUtf8SayingSoWhenItIsTheOnlyCandidate() {
    // Given hdr \xff\xfe X, which a lossy decoding would read as hdr\uFFFD\uFFFDX
    CommandHeaders headers = CommandHeaders.decode(
        Map.of("message-id", HexFormat.of().parseHex("686472fffe58")));

    // When
    ParseResult result = parser.parse(("{" + ACCOUNT + "}").getBytes(UTF_8), headers);

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.messageId()).isNull();
    assertThat(invalid.detail()).isEqualTo("no message ID: the message-id header is not valid UTF-8");
  }

  @Test
  void skipsAMessageIdHeaderThatIsNotUtf8ForTheCloudEventsId() {
    // Given
    CommandHeaders headers = CommandHeaders.decode(Map.of(
        "message-id", HexFormat.of().parseHex("686472c0c158"), "ce_id", "from-ce".getBytes(UTF_8)));

    // When
    ParseResult result = parser.parse(("{" + ACCOUNT + "}").getBytes(UTF_8), headers);

    // Then
    assertThat(CommandParserTest.parsed(result).messageId()).isEqualTo("from-ce");
  }

  @Test
  void refusesAMessageIdFieldWithALoneSurrogateEscapeThatHasNoUtf8Form() {
    // When
    ParseResult result = parse("{\"message_id\":\"b2-lone\\ud800x\"," + ACCOUNT + "}", Map.of());

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.detail())
        .isEqualTo("no message ID: message_id " + RULE + " (it has an unpaired surrogate)");
  }

  @Test
  void skipsAMessageIdHeaderWithALoneSurrogateForTheCloudEventsId() {
    // When
    ParseResult result = parse("{" + ACCOUNT + "}",
        Map.of("message-id", "lone\uDC00", "ce_id", "from-ce"));

    // Then
    assertThat(CommandParserTest.parsed(result).messageId()).isEqualTo("from-ce");
  }

  @Test
  void refusesAMessageIdFieldMadeOnlyOfNoBreakSpaces() {
    // When
    ParseResult result = parse("{\"message_id\":\"\\u00a0\\u00a0\"," + ACCOUNT + "}", Map.of());

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.detail()).isEqualTo("no message ID: message_id " + RULE + " (it is blank)");
  }

  @Test
  void skipsAMessageIdHeaderMadeOnlyOfANoBreakSpaceForTheCloudEventsId() {
    // When
    ParseResult result = parse("{" + ACCOUNT + "}", Map.of("message-id", "\u00A0", "ce_id", "from-ce"));

    // Then
    assertThat(CommandParserTest.parsed(result).messageId()).isEqualTo("from-ce");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "42 | is a number",
      "{} | is an object",
      "[\"m\"] | is an array",
      "null | is null",
      "false | is a boolean",
      "`\"\"` | is empty",
      "`\"   \"` | is blank",
      "\"a\\nb\" | has control characters",
  })
  void saysWhatIsWrongWithTheMessageIdFieldWhenNoHeaderSuppliesOne(String field, String defect) {
    // When
    ParseResult result = parse("{\"message_id\":" + field + "," + ACCOUNT + "}", Map.of());

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.messageId()).isNull();
    assertThat(invalid.detail()).isEqualTo("no message ID: message_id " + RULE + " (it " + defect + ")");
  }

  @ParameterizedTest(name = "[{index}] {0} characters")
  @CsvSource({"256", "102400"})
  void givesTheLengthOfAnOverlongMessageIdFieldWithoutEchoingIt(int length) {
    // When
    ParseResult result = parse("{\"message_id\":\"" + "m".repeat(length) + "\"," + ACCOUNT + "}",
        Map.of());

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.detail())
        .isEqualTo("no message ID: message_id " + RULE + " (it is " + length + " characters long)")
        .doesNotContain("mm");
  }

  @Test
  void namesEveryUnusableCandidateInPrecedenceOrder() {
    // Given
    CommandHeaders headers = CommandHeaders.decode(Map.of(
        "message-id", HexFormat.of().parseHex("80"), "ce_id", "\t".getBytes(UTF_8)));

    // When
    ParseResult result = parser.parse(("{\"message_id\":7," + ACCOUNT + "}").getBytes(UTF_8), headers);

    // Then
    assertThat(CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID).detail())
        .isEqualTo("no message ID: message_id " + RULE + " (it is a number);"
            + " the message-id header is not valid UTF-8; the ce_id header is blank");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"m-1\"` | a string",
      "42 | a number",
      "null | null",
      "[1,2] | an array",
      "true | a boolean",
  })
  void saysTheValueMustBeAnObjectWhenItIsNotOneAndNoHeaderNamesIt(String value, String kind) {
    // When
    ParseResult result = parse(value, Map.of());

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.NO_MESSAGE_ID);
    assertThat(invalid.detail()).isEqualTo("value must be a JSON object, not " + kind);
  }

  @Test
  void stillReportsAnUnusableFieldAsASchemaViolationWhenAHeaderSuppliesTheId() {
    // When
    ParseResult result = parse("{\"message_id\":42," + ACCOUNT + "}", Map.of("message-id", "h-1"));

    // Then
    Invalid invalid = CommandParserTest.invalid(result, InvalidReason.SCHEMA_VIOLATION);
    assertThat(invalid.messageId()).isEqualTo("h-1");
    assertThat(invalid.detail()).isEqualTo("message_id: " + RULE + " (it is a number)");
  }

  private ParseResult parse(String value, Map<String, String> headers) {
    return parser.parse(value.getBytes(UTF_8), headers);
  }
}
