package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} against an address where no broker listens: one line, no rows claimed sent. */
class SubmitUnreachableBrokerTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void anUnreachableBrokerEndsTheRunWithOneLineOnStderrNamingTheSettingAndNothingClaimedSent()
      throws IOException {
    // Given a valid file and a port nothing listens on
    Path file = Files.writeString(dir.resolve("acc2.csv"),
        "external_reference,name,currency,customer.external_reference\n"
            + "acc-1,One,ZAR,cus-1\nacc-2,Two,ZAR,cus-2\n");
    String servers = "localhost:" + FreePorts.any();

    // When
    JvmConsole<CliRun> console = JvmConsole.during(() ->
        CliRun.of("submit", file.toString(), "--bootstrap-servers=" + servers));
    CliRun run = console.result();

    // Then
    assertThat(run.exitCode()).as(console.toString()).isEqualTo(2);
    assertThat(run.err().lines()).as(console.toString()).containsExactly(
        "error: cannot reach Kafka at --bootstrap-servers=" + servers + " within 15 s");
    assertThat(run.out()).as(console.toString()).isEmpty();
    assertThat(console.out() + console.err()).as(console.toString())
        .doesNotContain("org.apache.kafka").doesNotContain("o.a.k.")
        .doesNotContain("NetworkClient").doesNotContain("Connection to node");
  }
}
