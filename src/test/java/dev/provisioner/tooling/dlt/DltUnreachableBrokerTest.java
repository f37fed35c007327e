package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.FreePorts;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dlt} against an address where no broker listens: a setting to fix, as for {@code submit}
 * and the worker, so exit 2 and one line naming the setting; not exit 1, which says the work found
 * failures.
 */
class DltUnreachableBrokerTest {

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void anUnreachableBrokerIsBadSettingsInOneLineNamingTheSetting() throws IOException {
    // Given a port nothing listens on
    String servers = "localhost:" + FreePorts.any();

    // When
    CliRun run = CliRun.of("dlt", "list", "--bootstrap-servers=" + servers);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.toString()).containsExactly(
        "error: cannot reach Kafka at --bootstrap-servers=" + servers + " within 15 s");
    assertThat(run.out()).as(run.toString()).isEmpty();
  }
}
