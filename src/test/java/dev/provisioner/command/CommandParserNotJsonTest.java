package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.ParseResult.Invalid;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value that is not JSON gets one line in the sender's words: where, and what is wrong, never
 * the parser's class, method or feature names.
 */
class CommandParserNotJsonTest {

  private static final String COMMAND =
      "{\"message_id\":\"m\",\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"x\"}}";

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

  @Test
  void reportsTrailingContentAfterTheCommandWithItsPosition() {
    // When
    Invalid invalid = notJson(COMMAND + " {}");

    // Then
    assertThat(invalid.detail()).isEqualTo("value is not JSON (line 1, column "
        + (COMMAND.length() + 2) + "): trailing content after the JSON value");
  }

  @Test
  void reportsANumberLongerThanTheLimit() {
    // When
    Invalid invalid = notJson("{\"message_id\":\"m\",\"account\":{\"balance\":-" + "1".repeat(101) + "}}");

    // Then
    assertThat(invalid.detail()).isEqualTo("value is not JSON: number longer than 100 characters");
  }

  @Test
  void reportsNestingDeeperThanTheLimit() {
    // When
    Invalid invalid = notJson("{\"a\":".repeat(33) + "1" + "}".repeat(33));

    // Then
    assertThat(invalid.detail()).isEqualTo("value is not JSON: nesting deeper than 32");
  }

  @Test
  void namesADuplicateKeyCutAndEscaped() {
    // Given a duplicate key of 1,000 characters with a line break
    String key = "k\\n" + "x".repeat(1_000);

    // When
    Invalid invalid = notJson("{\"" + key + "\":1,\"" + key + "\":2}");

    // Then
    assertThat(invalid.detail())
        .startsWith("value is not JSON (line 1, column ")
        .contains("): duplicate key \"k\\u000Axxx")
        .endsWith("…\"")
        .hasSizeLessThan(140);
  }

  @Test
  void saysWhichContainerIsLeftOpenWhenTheValueEndsEarly() {
    // When
    Invalid object = notJson("{\"message_id\":\"m\"");
    Invalid array = notJson("[1,2");

    // Then
    assertThat(object.detail()).endsWith("): unexpected end of input inside an object");
    assertThat(array.detail()).endsWith("): unexpected end of input inside an array");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "{\"a\":1} {}", "[1] 2", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":+1}", "// comment\n{}",
      "/* comment */ {}", "{\"a\":1", "[1,2", "\"unterminated", "{\"a\":\"b", "{\"a\":1,\"a\":2}",
      "{'a':1}", "{a:1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":\"\\x\"}", "{\"a\":tru}", "]",
      "{\"a\":1,}", "{\"a\" 1}", "{\"a\":\"\\uZZZZ\"}",
  })
  void neverNamesTheParsersClassesFeaturesOrConfigurationHints(String value) {
    // When
    Invalid invalid = notJson(value);

    // Then
    assertThat(invalid.detail())
        .startsWith("value is not JSON")
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain("`", "Feature", "StreamReadConstraints", "JsonToken", "JsonNode", "Source:")
        .hasSizeLessThanOrEqualTo(SafeText.MAX_LINE + 1);
  }

  @Test
  void keepsThePositionAndGistOfAnUnexpectedCharacter() {
    // When
    Invalid invalid = notJson("{\"a\":NaN}");

    // Then
    assertThat(invalid.detail()).isEqualTo("value is not JSON (line 1, column 9): Non-standard token 'NaN'");
  }

  @ParameterizedTest(name = "[{index}] m {0} X")
  @ValueSource(strings = {"c0af", "e080af", "f08080af", "eda080", "f4908080", "ff", "c3"})
  void refusesAValueThatIsNotUtf8InsteadOfDecodingItsOverlongOrOutOfRangeForms(String hex) {
    // Given a message_id of m, the bytes, X: Jackson itself would read c0af and e080af as '/'
    byte[] bytes = HexFormat.of().parseHex(hex);
    byte[] prefix = "{\"message_id\":\"m".getBytes(UTF_8);
    byte[] suffix = ("X\"," + COMMAND.substring(COMMAND.indexOf("\"account\""))).getBytes(UTF_8);
    ByteBuffer value = ByteBuffer.allocate(prefix.length + bytes.length + suffix.length)
        .put(prefix).put(bytes).put(suffix);

    // When
    ParseResult result = parser.parse(value.array(), Map.of());

    // Then
    assertThat(CommandParserTest.invalid(result, InvalidReason.NOT_JSON).detail())
        .isEqualTo("value is not valid UTF-8 (byte offset " + prefix.length + ")");
  }

  @Test
  void acceptsAValueWithMultiByteCharactersAfterLongAsciiRuns() {
    // Given more ASCII than one decoding buffer holds, then multi-byte characters
    String id = "a".repeat(200) + "-ünïcödé-☃-\uD83D\uDE00";

    // When
    ParseResult result = parser.parse(COMMAND.replace("\"m\"", "\"" + id + "\"").getBytes(UTF_8),
        Map.of());

    // Then
    assertThat(CommandParserTest.parsed(result).messageId()).isEqualTo(id);
  }

  private Invalid notJson(String value) {
    return CommandParserTest.invalid(parser.parse(value.getBytes(UTF_8), Map.of("message-id", "h")),
        InvalidReason.NOT_JSON);
  }
}
