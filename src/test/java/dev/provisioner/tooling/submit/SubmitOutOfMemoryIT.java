package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestKafka;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for the heap {@code submit} was given: awaiting replies keeps a little per row,
 * and a JVM that runs out says so in one line with what to do, instead of a stack trace.
 */
class SubmitOutOfMemoryIT {

  private static final int ROWS = 400_000;

  @TempDir
  Path dir;

  @Test
  void runningOutOfHeapWhileAwaitingIsOneLineSayingARerunWithMoreHeapIsSafe() throws IOException {
    // Given a file of 400,000 accounts, a 40 MB heap and no worker answering
    Path file = accountsCsv();
    String commands = TestKafka.uniqueTopic("oom-commands");
    String replies = TestKafka.uniqueTopic("oom-replies");
    TestKafka.createTopics(1, commands, replies);

    // When it is submitted and awaited
    try (JarProcess submit = JarProcess.start(dir.resolve("logs"), Map.of("JAVA_TOOL_OPTIONS", "-Xmx40m"),
        "submit", file.toString(), "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + commands, "--replies-topic=" + replies)) {

      // Then it stops with exit 2 and one line saying why and that running again is safe
      assertThat(submit.waitFor(Duration.ofMinutes(3))).as(submit.toString()).isEqualTo(2);
      assertThat(submit.stderr()).as(submit.toString())
          .contains("error: out of memory in a ")
          .contains("the same file again creates no account twice")
          .doesNotContain("\tat ");
    }
  }

  private Path accountsCsv() throws IOException {
    Path file = dir.resolve("accounts.csv");
    try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      csv.write("external_reference,name,currency,customer\n");
      for (int i = 0; i < ROWS; i++) {
        csv.write("oom-" + i + ",Account " + i + ",ZAR,cus-" + i + "\n");
      }
    }
    return file;
  }
}
