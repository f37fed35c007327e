package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bad option of {@code submit} or {@code dlt replay} is bad usage, said first and in one line
 * naming the option, before any broker or worker is asked anything (none runs here).
 */
class ToolOptionsTest {

  private static final String NO_BROKER = "--bootstrap-servers=localhost:9";

  @ParameterizedTest(name = "--timeout={0}")
  @ValueSource(strings = {"-1s", "0s", "8d", "99999999999999d"})
  void submitRefusesATimeoutThatIsNotPositiveOrLongerThanAWeek(String timeout) {
    // When
    CliRun run = CliRun.of("submit", "accounts.csv", NO_BROKER, "--timeout=" + timeout);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: --timeout must be a positive duration of "
        + "at most 7d (e.g. 500ms, 10s, 2m), but was " + timeout + "\n");
  }

  @ParameterizedTest(name = "--{0}={1}")
  @CsvSource({"rate, -1, ' (0: no limit)'", "limit, -5, ' (0: no limit)'", "max-replays, -1, ''"})
  void dltReplayRefusesANegativeCountBeforeItAsksTheWorkerOrTheBroker(String option, int value,
      String zero) {
    // When
    CliRun run = CliRun.of("dlt", "replay", NO_BROKER, "--worker-url=http://localhost:9",
        "--" + option + "=" + value);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("error: --" + option + " must be 0 or more" + zero + ", but was " + value + "\n");
  }
}
