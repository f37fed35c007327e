package dev.provisioner.cli;

import dev.provisioner.bench.Benchmark;
import java.io.PrintWriter;

/**
 * Ctrl-C (SIGINT) or SIGTERM during {@code bench}: the JVM's shutdown hook stops the child JVM
 * of the current run and the broker started for the benchmark, and says so in one line. Without
 * it the child, orphaned, kept running until its own shutdown timed out against the gone broker
 * (about a minute), and the broker's temporary directory was left behind.
 */
final class BenchInterruption {

  private final Thread hook;
  private volatile boolean happened;

  private BenchInterruption(Benchmark benchmark, PrintWriter err) {
    this.hook = new Thread(() -> {
      happened = true;
      String stopped = benchmark.abort();
      err.println("bench: interrupted; stopped " + stopped + "; no results written");
      err.flush();
    }, "bench-interrupted");
  }

  static BenchInterruption install(Benchmark benchmark, PrintWriter err) {
    BenchInterruption interruption = new BenchInterruption(benchmark, err);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  /** Whether the hook ran: the run's failure is then the interruption's doing. */
  boolean happened() {
    return happened;
  }

  void remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
