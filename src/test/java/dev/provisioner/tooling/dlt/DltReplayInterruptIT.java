package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) halfway through the packaged {@code dlt replay}: what was re-published is
 * committed and said, and the next run replays exactly the rest, nothing twice and nothing lost.
 */
class DltReplayInterruptIT {

  private static final int LETTERS = 200;

  @TempDir
  Path dir;

  private final DeadLetterTopic dlt = new DeadLetterTopic();
  private final HealthStub health = new HealthStub();

  @AfterEach
  void tearDown() {
    health.close();
  }

  @Test
  void ctrlCHalfwayCommitsWhatWasReplayedAndTheNextRunReplaysOnlyTheRest() throws Exception {
    // Given the dead letters of an incident being replayed slowly (20 a second)
    dlt.addMany("incident", LETTERS, "dev.provisioner.worker.CommandFailedException",
        "gave up after 6 API calls: 503 Service unavailable");
    String group = dlt.name + "-replay";
    int exit;
    String out;
    try (JarProcess replay = JarProcess.start(dir, "dlt", "replay", "--rate=20",
        "--bootstrap-servers=" + TestKafka.bootstrapServers(), "--dlt-topic=" + dlt.name,
        "--worker-url=" + health.url(), "--group-id=" + group,
        "--audit-topic=" + TestKafka.uniqueTopic("audit"))) {
      await().atMost(Duration.ofSeconds(60))
          .until(() -> DeadLetterTopic.read(dlt.original).size() >= 30);

      // When the operator presses Ctrl-C
      new ProcessBuilder("kill", "-INT", Long.toString(replay.pid())).start().waitFor();
      exit = replay.waitFor(Duration.ofSeconds(60));
      out = replay.toString();
    }

    // Then it says what it did, and the records it re-published are not replayed again
    assertThat(exit).as(out).isEqualTo(130);
    assertThat(out).contains("interrupted: ").contains("audit: ");
    int first = DeadLetterTopic.read(dlt.original).size();
    assertThat(first).as(out).isLessThan(LETTERS);
    CliRun rest = CliRun.of("dlt", "replay", "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--dlt-topic=" + dlt.name, "--worker-url=" + health.url(), "--group-id=" + group,
        "--audit-topic=" + TestKafka.uniqueTopic("audit"));
    assertThat(rest.out()).as(out + rest).contains((LETTERS - first) + " replayed, 0 parked, 0 skipped");
    assertThat(DeadLetterTopic.read(dlt.original)).hasSize(LETTERS);
  }
}
