package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The usability rule of a message ID, and the words for what breaks it. */
class MessageIdsTest {

  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(strings = {"00A0", "2007", "202F", "FEFF", "00A0 3000 2003 0020 202F"})
  void treatsAnIdMadeOnlyOfNoBreakOrOtherUnicodeSpacesAsBlank(String codePoints) {
    // Given
    String candidate = fromHex(codePoints);

    // When
    String defect = MessageIds.defect(candidate);

    // Then
    assertThat(defect).isEqualTo("is blank");
    assertThat(MessageIds.usable(candidate)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"b2-lone\uD800x", "\uDC00", "ends-high\uD83D", "reversed\uDE00\uD83D"})
  void refusesAnIdWithAnUnpairedSurrogate(String candidate) {
    // When
    String defect = MessageIds.defect(candidate);

    // Then
    assertThat(defect).isEqualTo("has an unpaired surrogate");
  }

  @Test
  void acceptsAnIdWithASurrogatePairAndNoBreakSpacesBetweenWords() {
    // Given an emoji (a surrogate pair) and a no-break space next to visible characters
    String candidate = "smile\u00A0\uD83D\uDE00";

    // When
    boolean usable = MessageIds.usable(candidate);

    // Then
    assertThat(usable).isTrue();
  }

  @Test
  void countsCodePointsSo255EmojiAreUsableAnd256AreTooLong() {
    // Given
    String emoji = "\uD83D\uDE00";

    // When
    String fits = MessageIds.defect(emoji.repeat(255));
    String tooLong = MessageIds.defect(emoji.repeat(256));

    // Then
    assertThat(fits).isNull();
    assertThat(tooLong).isEqualTo("is 256 characters long");
  }

  @Test
  void namesTheDefectWithoutQuotingTheCandidate() {
    // When
    String defect = MessageIds.defect("evil\r\nFORGED");

    // Then
    assertThat(defect).isEqualTo("has control characters");
  }

  private static String fromHex(String codePoints) {
    StringBuilder text = new StringBuilder();
    for (String hex : codePoints.split(" ")) {
      text.appendCodePoint(Integer.parseInt(hex, 16));
    }
    return text.toString();
  }
}
