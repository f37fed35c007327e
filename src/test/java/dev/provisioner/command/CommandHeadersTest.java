package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header values are decoded strictly: bytes that are not UTF-8 are never guessed at. */
class CommandHeadersTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "686472fffe58",     // hdr \xff\xfe X: bytes that never occur in UTF-8
      "686472808158",     // hdr \x80\x81 X: continuation bytes without a lead
      "686472c0c158",     // hdr \xc0\xc1 X: overlong lead bytes
      "686472c0af58",     // hdr \xc0\xaf X: an overlong '/'
      "686472eda08058",   // hdr, the surrogate U+D800 encoded, X
      "686472f490808058", // hdr, a code point beyond U+10FFFF, X
      "686472e282",       // hdr, a truncated sequence at the end
  })
  void marksAHeaderThatIsNotUtf8InsteadOfDecodingItWithReplacementCharacters(String hex) {
    // Given
    byte[] value = HexFormat.of().parseHex(hex);

    // When
    CommandHeaders headers = CommandHeaders.decode(Map.of("message-id", value));

    // Then
    assertThat(headers.notUtf8()).containsExactly("message-id");
    assertThat(headers.text()).doesNotContainKey("message-id");
  }

  @Test
  void decodesValidUtf8ExactlyIncludingCharactersOutsideTheBmp() {
    // Given
    String id = "ünïcödé ☃ \uD83D\uDE00";

    // When
    CommandHeaders headers = CommandHeaders.decode(Map.of("ce_id", id.getBytes(UTF_8)));

    // Then
    assertThat(headers.text()).containsExactlyEntriesOf(Map.of("ce_id", id));
    assertThat(headers.notUtf8()).isEmpty();
  }
}
