package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.cli.ExitCodes;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {

  @Test
  void helpOfTheSandboxCommandShowsThePortOptionAndItsDefault() {
    CliRun run = CliRun.of("sandbox", "--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("--port").contains("8090");
  }

  @Test
  void aPortOutOfRangeIsBadUsageNamingTheOptionBeforeAnythingStarts() {
    // When
    CliRun run = CliRun.withConsole("sandbox", "--port=99999");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("error: --port must be between 0 and 65535, but was 99999\n");
    assertThat(run.out()).as(run.toString()).isEmpty();
  }

  @Test
  void aServerPortPropertyOutOfRangeIsBadUsageNamingTheSettingAndTheRange() {
    // When
    CliRun run = CliRun.withConsole("sandbox", "--server.port=99999");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: server.port must be a whole number "
        + "between 0 and 65535 (0: any free port), but was '99999'\n");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
  }

  @Test
  void aPortInUseIsBadUsageNamingThePortWithoutAStackTrace() throws Exception {
    // Given
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();

      // When
      CliRun run = CliRun.withConsole("sandbox", "--port=" + port);

      // Then
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(run.toString()).isEqualTo("error: port " + port
          + " on 0.0.0.0 is already in use; choose another port or stop what uses it\n");
      assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
    }
  }
}
