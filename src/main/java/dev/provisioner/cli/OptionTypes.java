package dev.provisioner.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values of time types and whole numbers. picocli's own conversion errors named Java classes
 * ({@code cannot convert '10m' to class java.time.Duration (java.time.format.DateTimeParseException: ...)});
 * these say what form is expected, with an example.
 */
final class OptionTypes {

  private OptionTypes() {
  }

  /** ISO-8601 ({@code PT10M}) or the worker settings' form ({@code 10m}, {@code 30s}). */
  static Duration duration(String text) {
    try {
      return DurationStyle.detectAndParse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + text + "' is not a duration (e.g. PT10M or 10m)");
    }
  }

  /** An ISO-8601 instant in UTC. */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + text + "' is not an ISO-8601 instant (e.g. 2026-11-23T08:00:00Z)");
    }
  }

  /** A whole number that fits an {@code int}; picocli's own message said {@code is not an int}. */
  static Integer wholeNumber(String text) {
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number from "
          + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
  }

  /** A whole number that fits a {@code long}; picocli's own message said {@code is not a long}. */
  static Long longNumber(String text) {
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number");
    }
  }
}
