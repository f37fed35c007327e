package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code dev} command hands the sandbox its own settings, as the {@code sandbox} command takes them. */
class DevCommandTest {

  @Test
  void aBadSandboxSettingStopsDevWithOneLineNamingIt() {
    // When dev starts its sandbox with a bad setting (a broker given, so none starts here)
    CliRun run = CliRun.withConsole("dev", "--spring.kafka.bootstrap-servers=localhost:9", "--sandbox-port=0",
        "--server.port=0", "--sandbox.faults.latency-ms=-1");

    // Then it exits 2 with one line naming the setting, instead of ignoring it
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("error: sandbox.faults.latency-ms must be between 0 and 3600000 (an hour), but was -1\n");
  }
}
