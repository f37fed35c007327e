package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsTheCommandsThatExist() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("sandbox");
  }

  @Test
  void anUnknownCommandIsBadUsageWithOneLineOnStandardError() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: ").contains("frobnicate");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsNamedAsSuchWithTheCommandsThereAre() {
    // When a command is misspelled, at the top and under dlt
    CliRun top = CliRun.of("sumbit", "accounts.csv");
    CliRun dlt = CliRun.of("dlt", "lsit");

    // Then each line says so and lists the commands, not "Unmatched argument at index 0"
    assertThat(top.exitCode()).as(top.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(top.err().lines().findFirst()).as(top.toString()).hasValue("error: unknown command 'sumbit': "
        + "the commands are dev, worker, broker, sandbox, submit, dlt, bench");
    assertThat(dlt.exitCode()).as(dlt.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(dlt.err().lines().findFirst()).as(dlt.toString())
        .hasValue("error: unknown command 'lsit': the commands are list, show, replay");
  }

  @Test
  void aTimeOptionThatDoesNotParseSaysWhatFormIsExpectedNotWhichJavaClassFailed() {
    // When a duration and an instant are given in forms that do not parse
    CliRun timeout = CliRun.of("submit", "accounts.csv", "--timeout=ten minutes");
    CliRun since = CliRun.of("dlt", "replay", "--since=yesterday");

    // Then each is bad usage naming the option, the value and an example of the form
    assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(timeout.err()).as(timeout.toString()).startsWith("error: Invalid value for option '--timeout': "
        + "'ten minutes' is not a duration (e.g. PT10M or 10m)\n").doesNotContain("java.");
    assertThat(since.exitCode()).as(since.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(since.err()).as(since.toString()).startsWith("error: Invalid value for option '--since': "
        + "'yesterday' is not an ISO-8601 instant (e.g. 2026-11-23T08:00:00Z)\n").doesNotContain("java.");
  }

  @Test
  void aTimeoutInTheWorkerSettingsFormIsAcceptedAsWellAsIso8601() {
    // When --timeout is given as the worker's settings give durations (the file is missing)
    CliRun run = CliRun.of("submit", "no-such-file.csv", "--timeout=10m");

    // Then the option parsed: the error is about the file
    assertThat(run.err()).as(run.toString()).isEqualTo("error: cannot read no-such-file.csv\n");
  }

  @Test
  void noCommandIsBadUsageAnsweredWithTheUsageOnStandardError() {
    // When the jar runs without arguments
    CliRun run = CliRun.of();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("Usage: account-provisioner").contains("Commands:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void dltWithoutASubcommandIsBadUsageAnsweredWithItsUsageOnStandardError() {
    // When
    CliRun run = CliRun.of("dlt");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("Usage: account-provisioner dlt").contains("replay");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingRequiredOptionIsOneErrorLineThatSaysErrorOnce() {
    // When dlt show is given neither a message ID nor a partition and offset
    CliRun run = CliRun.of("dlt", "show");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("error: Missing required argument")
        .containsOnlyOnce("rror:").contains("Try 'account-provisioner dlt show --help'.");
  }
}
