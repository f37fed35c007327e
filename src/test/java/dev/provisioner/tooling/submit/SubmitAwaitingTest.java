package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} awaiting replies that do not come (no worker, or an API outage): it says so as it waits. */
class SubmitAwaitingTest {

  @TempDir
  Path dir;

  @Test
  void whileNoReplyComesAProgressLineIsStillPrintedEveryFiveSeconds() throws IOException {
    // Given topics no worker reads, so no reply comes
    String commands = TestKafka.uniqueTopic("await-commands");
    String replies = TestKafka.uniqueTopic("await-replies");
    TestKafka.createTopics(1, commands, replies);
    Path file = Files.writeString(dir.resolve("accounts.csv"),
        "external_reference,currency,customer\nacc-1,ZAR,cus-1\n");

    // When it awaits for a little longer than one progress interval
    CliRun run = CliRun.of("submit", file.toString(), "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + commands, "--replies-topic=" + replies, "--timeout=7s");

    // Then a line came while waiting, before the one that ends the wait
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines().filter(line -> line.equals("progress: sent 1/1, answered 0, 0/s, ETA -")))
        .as(run.toString()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(run.out()).as(run.toString())
        .contains(" 0 invalid, 1 sent, 0 created, 0 rejected, 0 failed, 1 unanswered");
  }
}
