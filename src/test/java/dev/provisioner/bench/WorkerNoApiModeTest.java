package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.TestKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The diagnostic mode answers every command without one call to the API. */
class WorkerNoApiModeTest {

  private static final int COMMANDS = 2_000;

  @TempDir
  Path output;

  @Test
  void givenTheWorkerNoApiMode_whenItRuns_thenEveryCommandIsAnsweredAndTheSandboxSawNoCall()
      throws Exception {
    BenchSettings settings = new BenchSettings(COMMANDS, 100, 3, List.of(0L), 64,
        List.of(Mode.WORKER_NO_API), TestKafka.bootstrapServers(), output, List.of(),
        500, 500, 1);

    ModeRun run;
    JsonNode stats;
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      control.resetWithLatency(0);
      run = ModeRun.run(settings, control, TestKafka.bootstrapServers(), Mode.WORKER_NO_API, 0);
      stats = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(sandbox.baseUrl().resolve("/_sandbox/stats")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    }

    assertThat(run.arrivals()).hasSize(COMMANDS);
    assertThat(run.result().mode()).isEqualTo("worker-no-api");
    assertThat(run.result().throughputPerS()).isPositive();
    assertThat(stats.path("total").isNumber()).as("stats has a total: %s", stats).isTrue();
    assertThat(stats.path("total").asLong()).as("API calls the sandbox saw").isZero();
  }
}
