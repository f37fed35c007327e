package dev.provisioner.runtime;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a duration setting and shows it as users write it ({@code 200ms}, {@code -1s}), not as
 * {@link Duration#toString()} does ({@code PT0.2S}, {@code PT-1S}).
 *
 * <p>Every duration has a ceiling: a value such as {@code 99999999999999d} binds, then overflows
 * where it becomes milliseconds or nanoseconds ({@code long overflow}, naming nothing) or stalls
 * whatever waits for it.
 */
public final class DurationSettings {

  /** The ceiling of a duration that times something the process waits for. */
  public static final Duration A_DAY = Duration.ofDays(1);

  private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS,
      ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS);
  private static final List<String> SUFFIXES = List.of("d", "h", "m", "s", "ms", "us");

  private DurationSettings() {
  }

  /** Refuses a value that is not above zero and at most {@code longest}, naming {@code name}. */
  public static void requirePositive(String name, @Nullable Duration value, Duration longest) {
    String problem = problem(name, value, longest);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code value} cannot be {@code name}, or null when it is above zero and at most {@code longest}. */
  public static @Nullable String problem(String name, @Nullable Duration value, Duration longest) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(longest) > 0) {
      return name + " must be a positive duration of at most " + text(longest) + " (e.g. 500ms, 10s, 2m), "
          + "but was " + (value == null ? null : text(value));
    }
    return null;
  }

  /** {@code value} in the largest of Spring Boot's units that shows it exactly: {@code 90s}, {@code 2m}. */
  public static String text(Duration value) {
    if (value.isZero()) {
      return "0s";
    }
    if (value.isNegative()) {
      return "-" + text(value.negated());
    }
    for (int i = 0; i < UNITS.size(); i++) {
      Duration unit = UNITS.get(i).getDuration();
      if (isMultiple(value, unit)) {
        return value.dividedBy(unit) + SUFFIXES.get(i);
      }
    }
    return value.toNanos() + "ns";
  }

  private static boolean isMultiple(Duration value, Duration unit) {
    return unit.getSeconds() > 0
        ? value.getNano() == 0 && value.getSeconds() % unit.getSeconds() == 0
        : value.getNano() % unit.getNano() == 0;
  }
}
