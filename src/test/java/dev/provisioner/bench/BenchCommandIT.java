package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code bench} as a user types it: what reaches the terminal. */
class BenchCommandIT {

  @TempDir
  Path dir;

  @Test
  void givenABrokerThatCannotBeReached_whenTheBenchmarkStarts_thenOneLineOnStandardErrorAndNothingElse() {
    // When
    int exit;
    String out;
    String err;
    try (JarProcess bench = JarProcess.start(dir.resolve("logs"), "bench",
        "--bootstrap-servers=nohost.invalid:9", "--output=" + dir.resolve("bench"))) {
      exit = bench.waitFor(Duration.ofSeconds(60));
      out = bench.stdout();
      err = bench.stderr();
    }

    // Then no Kafka client's configuration or warnings, only the line naming the option
    assertThat(exit).as(err).isEqualTo(2);
    assertThat(out).as("standard output").isEmpty();
    assertThat(err).startsWith("error: cannot reach Kafka at --bootstrap-servers=nohost.invalid:9")
        .hasLineCount(1);
  }
}
