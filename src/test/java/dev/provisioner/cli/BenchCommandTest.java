package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad benchmark options are refused before any broker or child JVM starts. */
class BenchCommandTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--warm-up-max=10 | --warm-up-max must be at least --warm-up (50000), but was 10",
      "--warm-up=0 | --warm-up must be at least 1, but was 0",
      "--rounds=0 | --rounds must be at least 1, but was 0",
      "--commands=0 | --commands must be at least 1, but was 0",
      "--in-flight=0 | --in-flight must be at least 1, but was 0"})
  void givenABadOption_whenTheBenchmarkStarts_thenItIsBadUsageNamingTheOption(String option,
      String message) {
    CliRun run = CliRun.of("bench", option);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: " + message + "\n");
    assertThat(run.out()).as("nothing started").isEmpty();
  }
}
