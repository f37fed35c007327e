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
