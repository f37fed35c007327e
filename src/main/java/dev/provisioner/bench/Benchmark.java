package dev.provisioner.bench;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole benchmark: a broker (started here unless one is given) and the sandbox in this JVM,
 * then every mode at every latency, each in a child JVM, then {@code results.json} and the chart.
 */
public final class Benchmark {

  private final BenchSettings settings;
  private final Consumer<String> progress;

  public Benchmark(BenchSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs every mode at every latency and writes the results; returns them. */
  public Results run() throws InterruptedException {
    QuietLogs.warningsOnly();
    LocalBroker broker = settings.bootstrapServers() == null ? LocalBroker.start(0, null) : null;
    try (Sandbox sandbox = Sandbox.start("--logging.level.root=WARN")) {
      String bootstrap = bootstrap(broker);
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      List<RunResult> runs = new ArrayList<>();
      for (long latency : settings.latencies()) {
        for (Mode mode : settings.modes()) {
          progress.accept("running " + mode.id() + " at " + latency + " ms ...");
          control.resetWithLatency(latency);
          RunResult result = ModeRun.run(settings, control, bootstrap, mode, latency).result();
          progress.accept("  " + ResultsTable.row(result));
          runs.add(result);
        }
      }
      Results results = new Results(Results.currentJvm(), runs);
      results.write(settings.output());
      return results;
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private String bootstrap(@Nullable LocalBroker broker) {
    String given = settings.bootstrapServers();
    return given != null ? given : java.util.Objects.requireNonNull(broker).bootstrapServers();
  }
}
