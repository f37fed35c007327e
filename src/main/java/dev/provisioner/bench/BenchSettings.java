package dev.provisioner.bench;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's options.
 *
 * @param commands commands per run of a fast mode (N)
 * @param keys distinct keys (K)
 * @param partitions partitions of the command topic (P)
 * @param latencies sandbox latencies to run, in milliseconds (L)
 * @param inFlight API calls in flight for the worker, parallel-consumer and raw-http
 * @param modes the modes to run, in order
 * @param bootstrapServers an existing broker, or null to start one in this JVM
 * @param output where results.json, the chart and the children's logs go
 * @param childJvmOptions JVM options of the child JVMs (e.g. -Xmx256m, a JFR recording)
 * @param warmUp commands (or raw-http calls) a fast mode's child handles at least before it is
 *     measured; more follow, in chunks, until the JIT compilers are quiet (see {@link WarmUp})
 * @param warmUpMax the most warm-up commands of a fast mode, quiet compilers or not
 * @param rounds how many times every mode runs at every latency; only the last round is
 *     reported, the earlier ones warm the broker and the sandbox (this JVM's JIT)
 */
public record BenchSettings(int commands, int keys, int partitions, List<Long> latencies,
    int inFlight, List<Mode> modes, @Nullable String bootstrapServers, Path output,
    List<String> childJvmOptions, int warmUp, int warmUpMax, int rounds) {

  /** The most commands of a run or a warm-up: the parent keeps a send time per command. */
  public static final int MAX_COMMANDS = 10_000_000;
  /** The most partitions: the classic listener runs one consumer thread per partition. */
  public static final int MAX_PARTITIONS = 1_000;
  /** The most API calls in flight: parallel-consumer runs one thread per call in flight. */
  public static final int MAX_IN_FLIGHT = 10_000;
  /** The sandbox's longest latency, an hour. */
  public static final long MAX_LATENCY_MS = 3_600_000;

  public BenchSettings {
    requireRange("--commands", commands, 1, MAX_COMMANDS);
    requireRange("--keys", keys, 1, "1", commands, "--commands (" + commands + ")");
    requireRange("--partitions", partitions, 1, MAX_PARTITIONS);
    require(rounds >= 1, "--rounds must be at least 1, but was " + rounds);
    requireRange("--warm-up", warmUp, 1, MAX_COMMANDS);
    requireRange("--warm-up-max", warmUpMax, warmUp, "--warm-up (" + warmUp + ")", MAX_COMMANDS,
        String.valueOf(MAX_COMMANDS));
    requireRange("--in-flight", inFlight, 1, MAX_IN_FLIGHT);
    require(!latencies.isEmpty() && latencies.stream().allMatch(l -> l >= 0 && l <= MAX_LATENCY_MS)
        && latencies.stream().distinct().count() == latencies.size(),
        "--latencies must be one or more distinct values from 0 to " + MAX_LATENCY_MS
            + " (ms), comma-separated, but was " + latencies);
    require(!modes.isEmpty() && modes.stream().distinct().count() == modes.size(),
        "--modes must name one or more modes, each once, but was " + modes.stream().map(Mode::id)
            .toList());
    latencies = List.copyOf(latencies);
    modes = List.copyOf(modes);
    childJvmOptions = List.copyOf(childJvmOptions);
  }

  /**
   * Commands for one run: N, except the classic listener, which handles one record per partition
   * at a time and so gets about 20 seconds' worth at its theoretical rate (at least 500).
   */
  public int commandsFor(Mode mode, long latencyMs) {
    if (mode != Mode.CLASSIC_LISTENER) {
      return commands;
    }
    long perSecond = partitions * 1000L / Math.max(2, latencyMs + 2);
    long worth = Math.max(500, Math.min(perSecond * 20, partitions * 2_000L));
    return (int) Math.min(commands, worth);
  }

  private static void requireRange(String option, long value, long min, long max) {
    requireRange(option, value, min, String.valueOf(min), max, String.valueOf(max));
  }

  private static void requireRange(String option, long value, long min, String minText, long max,
      String maxText) {
    require(value >= min && value <= max, option + " must be from " + minText + " to " + maxText
        + ", but was " + value);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
