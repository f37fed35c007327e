package dev.provisioner.bench;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The whole benchmark: a broker (started here unless one is given) and the sandbox in this JVM,
 * then every mode at every latency, each in a child JVM, then {@code results.json} and the chart.
 */
public final class Benchmark {

  private final BenchSettings settings;
  private final Consumer<String> progress;
  private volatile @Nullable LocalBroker broker;

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
    broker = settings.bootstrapServers() == null ? LocalBroker.start(0, null) : null;
    try (Sandbox sandbox = Sandbox.start("--logging.level.root=WARN")) {
      String bootstrap = bootstrap(broker);
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      List<RunResult> runs = new ArrayList<>();
      progress.accept("  " + ResultsTable.header());
      for (int round = 1; round <= settings.rounds(); round++) {
        runs = round(control, bootstrap, round);
      }
      Results results = new Results(Results.currentJvm(), runs);
      results.write(settings.output());
      return results;
    } finally {
      LocalBroker started = broker;
      if (started != null) {
        QuietLogs.brokerClosing();
        started.close();
      }
    }
  }

  /**
   * Stops at once, from another thread (Ctrl-C): kills the child JVMs and closes the broker
   * started here. Returns what it stopped, for the user, e.g. {@code 1 child JVM (pid 4242) and
   * the broker}.
   */
  public String abort() {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // reported below as stopped: destroyForcibly is SIGKILL
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LocalBroker started = broker;
    if (started != null) {
      started.close();
    }
    String pids = children.stream().map(child -> Long.toString(child.pid()))
        .collect(Collectors.joining(", "));
    return (children.size() == 1 ? "1 child JVM (pid " + pids + ")"
        : children.size() + " child JVMs" + (children.isEmpty() ? "" : " (pids " + pids + ")"))
        + (started != null ? " and the broker" : "");
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
        ModeRun run = ModeRun.run(settings, control, bootstrap, mode, latency, progress);
        RunResult result = run.result();
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
