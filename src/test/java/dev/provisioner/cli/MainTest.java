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
}
