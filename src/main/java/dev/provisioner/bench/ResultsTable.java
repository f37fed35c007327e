package dev.provisioner.bench;

import java.util.Optional;

/** The results as a text table, with each row's share of raw-http and multiple of classic. */
public final class ResultsTable {

  private static final String FORMAT = "%-18s %6s %8s %10s %9s %9s %9s %9s %6s %8s %9s %9s";

  private ResultsTable() {
  }

  public static String header() {
    return String.format(FORMAT, "mode", "L ms", "commands", "per s", "p50 ms", "p99 ms",
        "CPU us/c", "all us/c", "busy", "heap MB", "% raw", "x classic");
  }

  /** One row without the ratios. */
  public static String row(RunResult r) {
    return row(r, "", "");
  }

  public static String render(Results results) {
    StringBuilder table = new StringBuilder("JVM: " + results.jvm() + "\n" + header() + "\n");
    for (RunResult r : results.runs()) {
      String raw = ratio(r, peer(results, "raw-http", r.latencyMs()), 100, "%.0f%%");
      String classic = ratio(r, peer(results, "classic-listener", r.latencyMs()), 1, "%.1f");
      table.append(row(r, raw, classic)).append('\n');
    }
    return table.toString();
  }

  private static String row(RunResult r, String raw, String classic) {
    return String.format(FORMAT, r.mode(), r.latencyMs(), r.commands(),
        String.format("%.0f", r.throughputPerS()), r.p50Ms(), r.p99Ms(), r.cpuUsPerCommand(),
        r.machineCpuUsPerCommand() < 0 ? "-" : r.machineCpuUsPerCommand(),
        r.machineBusyPercent() < 0 ? "-" : r.machineBusyPercent() + "%", r.peakHeapMb(), raw,
        classic);
  }

  private static Optional<RunResult> peer(Results results, String mode, long latencyMs) {
    return results.runs().stream()
        .filter(r -> r.mode().equals(mode) && r.latencyMs() == latencyMs).findFirst();
  }

  private static String ratio(RunResult r, Optional<RunResult> peer, double scale, String format) {
    return peer.filter(p -> p.throughputPerS() > 0)
        .map(p -> String.format(format, scale * r.throughputPerS() / p.throughputPerS()))
        .orElse("-");
  }
}
