package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict UTF-8: the first malformed byte is found wherever it is, and nothing valid is refused. */
class Utf8Test {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
      "ff, 0",
      "61c0af62, 1",
      "c3a9e080af, 2",
      "e298, 0",
      "f09f9880eda080, 4",
  })
  void findsTheOffsetOfTheFirstMalformedSequence(String hex, int offset) {
    // When
    int found = Utf8.firstInvalidByte(HexFormat.of().parseHex(hex));

    // Then
    assertThat(found).isEqualTo(offset);
  }

  @Test
  void findsAMalformedByteBeyondTheFirstDecodingBuffer() {
    // Given 1,000 two-byte characters, then a lone continuation byte
    byte[] valid = "é".repeat(1_000).getBytes(UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(valid, valid.length + 1);
    bytes[valid.length] = (byte) 0x80;

    // When
    int found = Utf8.firstInvalidByte(bytes);

    // Then
    assertThat(found).isEqualTo(valid.length);
  }

  @Test
  void acceptsAsciiAndEveryUnicodePlane() {
    // Given
    byte[] bytes = "plain ASCII, ü, ☃, \uD83D\uDE00, \uDBFF\uDFFF".repeat(50).getBytes(UTF_8);

    // When
    int found = Utf8.firstInvalidByte(bytes);

    // Then
    assertThat(found).isEqualTo(-1);
  }
}
