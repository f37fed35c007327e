package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {

  @Test
  void helpOfTheSandboxCommandShowsThePortOptionAndItsDefault() {
    CliRun run = CliRun.of("sandbox", "--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("--port").contains("8090");
  }
}
