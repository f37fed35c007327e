package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) during the packaged {@code bench}: the child JVM of the current run is stopped
 * with the benchmark, not left running against a broker that is gone, and the user is told.
 */
class BenchInterruptIT {

  @TempDir
  Path dir;

  @Test
  void givenAWorkerWarmingUp_whenCtrlCIsPressed_thenTheChildJvmStopsAndTheBenchmarkSaysSo()
      throws Exception {
    // Given the worker's child JVM warming up (a warm-up far longer than the test waits)
    try (JarProcess bench = JarProcess.start(dir.resolve("logs"), "bench", "--modes=worker",
        "--latencies=0", "--rounds=1", "--commands=1000", "--keys=100", "--warm-up=5000000",
        "--warm-up-max=5000000", "--output=" + dir.resolve("bench"))) {
      bench.awaitOutput("running worker at 0 ms", Duration.ofMinutes(2));
      ProcessHandle child = await().atMost(Duration.ofMinutes(2))
          .until(() -> ProcessHandle.of(bench.pid()).flatMap(parent -> parent.children()
              .findFirst()), Optional::isPresent).orElseThrow();

      // When the user presses Ctrl-C
      new ProcessBuilder("kill", "-INT", Long.toString(bench.pid())).start().waitFor();
      int exit = bench.waitFor(Duration.ofSeconds(60));

      // Then the child is gone with it, and one line says what was stopped
      assertThat(exit).as(bench.toString()).isEqualTo(130);
      await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
      assertThat(bench.stderr()).as(bench.toString()).contains("bench: interrupted; stopped 1 "
          + "child JVM (pid " + child.pid() + ") and the broker; no results written");
      assertThat(dir.resolve("bench").resolve(Results.FILE)).doesNotExist();
    }
  }
}
