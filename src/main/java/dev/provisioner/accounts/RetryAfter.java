package dev.provisioner.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After} (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date in any of
 * its three formats (IMF-fixdate, obsolete RFC 850, asctime), as a delay from now.
 *
 * <p>A date in the past is a zero delay. Any delay is clamped to {@link #MAX} so that a broken or
 * hostile header cannot park the worker for days. Unreadable values count as absent.
 */
final class RetryAfter {

  /** The longest delay honoured. */
  static final Duration MAX = Duration.ofMinutes(5);

  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US),
      new DateTimeFormatterBuilder().appendPattern("EEE MMM")
          .appendLiteral(' ').padNext(2).appendValue(ChronoField.DAY_OF_MONTH)
          .appendPattern(" HH:mm:ss yyyy").toFormatter(Locale.US)
          .withZone(java.time.ZoneOffset.UTC));

  private RetryAfter() {
  }

  static @Nullable Duration parse(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    Duration delay = trimmed.chars().allMatch(Character::isDigit)
        ? seconds(trimmed) : untilDate(trimmed, clock);
    if (delay == null) {
      return null;
    }
    return delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX) > 0 ? MAX : delay;
  }

  private static Duration seconds(String digits) {
    // more than nine digits is decades: clamped anyway, and Long.parseLong could overflow
    return digits.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(digits));
  }

  private static @Nullable Duration untilDate(String text, Clock clock) {
    for (DateTimeFormatter format : DATES) {
      try {
        return Duration.between(clock.instant(), ZonedDateTime.parse(text, format).toInstant());
      } catch (DateTimeParseException notThisFormat) {
        // try the next of the three formats RFC 9110 obliges a recipient to accept
      }
    }
    return null;
  }
}
