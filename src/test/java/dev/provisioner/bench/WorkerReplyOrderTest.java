package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.TestKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerReplyOrderTest {

  private static final int COMMANDS = 5_000;
  private static final int KEYS = 200;

  @TempDir
  Path output;

  @Test
  void givenFiveThousandCommandsOverTwoHundredKeys_whenTheWorkerRunsUnderLoad_thenEachKeysRepliesComeInCommandOrder()
      throws Exception {
    BenchSettings settings = new BenchSettings(COMMANDS, KEYS, 6, List.of(2L), 256,
        List.of(Mode.WORKER), TestKafka.bootstrapServers(), output, List.of(),
        1_000, 1_000, 1);

    ModeRun run;
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      control.resetWithFaults("{\"latency_ms\": 2, \"jitter_ms\": 5}");
      run = ModeRun.run(settings, control, TestKafka.bootstrapServers(), Mode.WORKER, 2);
    }

    assertThat(run.arrivals()).hasSize(COMMANDS);
    Map<Integer, Integer> lastPerKey = new HashMap<>();
    for (int seq : run.arrivals()) {
      Integer previous = lastPerKey.put(seq % KEYS, seq);
      assertThat(previous == null ? -1 : previous).as("reply before %d of key %d", seq, seq % KEYS)
          .isLessThan(seq);
    }
    assertThat(lastPerKey).hasSize(KEYS);
  }
}
