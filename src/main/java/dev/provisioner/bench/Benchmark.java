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

  /**
   * Runs every mode at every latency, {@code rounds} times, and writes the last round's results;
   * returns them. Without the earlier rounds the first modes would be measured against a broker
   * and sandbox still being compiled (raw-http measured first did 14,106 calls/s, measured second
   * 22,005).
   */
  public Results run() throws InterruptedException {
    QuietLogs.warningsOnly();
    LocalBroker broker = settings.bootstrapServers() == null ? LocalBroker.start(0, null) : null;
    try (Sandbox sandbox = Sandbox.start("--logging.level.root=WARN")) {
      String bootstrap = bootstrap(broker);
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      List<RunResult> runs = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        runs = round(control, bootstrap, round);
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

  /** Every mode at every latency once; rounds before the last warm the broker and sandbox. */
  private List<RunResult> round(SandboxControl control, String bootstrap, int round)
      throws InterruptedException {
    String of = "round " + round + " of " + settings.rounds()
        + (round < settings.rounds() ? ", warming the broker and sandbox" : "");
    List<RunResult> runs = new ArrayList<>();
    for (long latency : settings.latencies()) {
      for (Mode mode : settings.modes()) {
        progress.accept("running " + mode.id() + " at " + latency + " ms (" + of + ") ...");
        control.resetWithLatency(latency);
        ModeRun run = ModeRun.run(settings, control, bootstrap, mode, latency);
        RunResult result = run.result();
        progress.accept("  " + run.warmUp().describe());
        progress.accept("  " + ResultsTable.row(result));
        runs.add(result);
      }
    }
    return runs;
  }

  private String bootstrap(@Nullable LocalBroker broker) {
    String given = settings.bootstrapServers();
    return given != null ? given : java.util.Objects.requireNonNull(broker).bootstrapServers();
  }
}
