package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  // Sunday 6 November 1994, 08:49:07 UTC: RFC 9110's own example date, 30 seconds earlier
  final Clock clock = Clock.fixed(Instant.parse("1994-11-06T08:49:07Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "\"{0}\" is {1}s")
  @CsvSource(delimiter = '|', value = {
      "120 | 120",
      "' 3 ' | 3",
      "0 | 0",
      "Sun, 06 Nov 1994 08:49:37 GMT | 30",
      "Sunday, 06-Nov-94 08:49:37 GMT | 30",
      "Sun Nov  6 08:49:37 1994 | 30",
      "Sun, 06 Nov 1994 08:00:00 GMT | 0"})
  void readsDelaySecondsAndTheThreeHttpDateFormats(String header, long seconds) {
    assertThat(RetryAfter.parse(header, clock)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"86400", "99999999999999999999", "Mon, 07 Nov 1994 08:49:37 GMT"})
  void clampsALongDelayToTheMaximum(String header) {
    assertThat(RetryAfter.parse(header, clock)).isEqualTo(RetryAfter.MAX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"soon", "-5", "1.5", "tomorrow at noon"})
  void ignoresAnAbsentOrUnreadableValue(String header) {
    assertThat(RetryAfter.parse(header, clock)).isNull();
  }

  @Test
  void neverGivesANegativeDelayForADateInThePast() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }
}
