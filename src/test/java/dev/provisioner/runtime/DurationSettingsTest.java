package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A duration in a message reads as users write it, not as Duration.toString() does. */
class DurationSettingsTest {

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"PT0S, 0s", "PT-1S, -1s", "PT0.2S, 200ms", "PT1.5S, 1500ms", "PT90S, 90s", "PT2M, 2m",
      "PT24H, 1d", "PT25H, 25h", "PT0.000001S, 1us", "PT0.000000001S, 1ns", "PT-0.5S, -500ms"})
  void aDurationReadsInTheLargestUnitThatShowsItExactly(String iso, String text) {
    // When
    String shown = DurationSettings.text(Duration.parse(iso));

    // Then
    assertThat(shown).isEqualTo(text);
  }
}
