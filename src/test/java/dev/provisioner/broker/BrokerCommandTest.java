package dev.provisioner.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.cli.ExitCodes;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandTest {

  @Test
  void aPortOutOfRangeIsBadUsageNamingTheOption() {
    // When
    CliRun run = CliRun.of("broker", "--port=70000");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).startsWith("error: ").contains("--port").contains("70000");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aPortThatIsNotANumberIsBadUsage() {
    // When
    CliRun run = CliRun.of("broker", "--port=kafka");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: ").contains("--port").contains("kafka");
  }

  @Test
  void aSettingTheBrokerDoesNotTakeIsBadUsageNamingItAndWhatItTakes() {
    // When
    CliRun run = CliRun.of("broker", "--spring.kafka.bootstrap-servers=localhost:9092");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: broker takes --port, --data-dir, --verbose "
        + "and --logging.level.NAME=LEVEL, but was given --spring.kafka.bootstrap-servers\n");
  }

  @Test
  void anUnknownLogLevelIsBadUsageNamingTheLevelsThereAre() {
    // When
    CliRun run = CliRun.of("broker", "--logging.level.kafka=LOUD");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("error: logging.level.kafka must be one of [TRACE, ")
        .endsWith(", but was 'LOUD'\n");
  }

  @Test
  void aPortInUseIsBadUsageNamingThePort(@TempDir Path dataDir) throws Exception {
    // Given
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("localhost", 0));
      int port = taken.getLocalPort();

      // When
      CliRun run = CliRun.of("broker", "--port=" + port, "--data-dir=" + dataDir);

      // Then
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(run.toString())
          .isEqualTo("error: port " + port + " on localhost is already in use;"
              + " choose another port or stop what uses it\n");
    }
  }

  @Test
  void helpListsThePortAndDataDirectoryWithTheirDefaults() {
    // When
    CliRun run = CliRun.of("broker", "--help");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("--port").contains("9092").contains("--data-dir").contains("kafka-data");
  }
}
