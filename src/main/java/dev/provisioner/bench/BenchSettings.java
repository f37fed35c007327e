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

  public BenchSettings {
    require(commands >= 1, "--commands must be at least 1, but was " + commands);
    require(keys >= 1, "--keys must be at least 1, but was " + keys);
    require(partitions >= 1, "--partitions must be at least 1, but was " + partitions);
    require(rounds >= 1, "--rounds must be at least 1, but was " + rounds);
    require(warmUp >= 1, "--warm-up must be at least 1, but was " + warmUp);
    require(warmUpMax >= warmUp, "--warm-up-max must be at least --warm-up (" + warmUp
        + "), but was " + warmUpMax);
    require(inFlight >= 1, "--in-flight must be at least 1, but was " + inFlight);
    require(!latencies.isEmpty() && latencies.stream().allMatch(l -> l >= 0),
        "--latencies must be one or more values of 0 or more, but was " + latencies);
    require(!modes.isEmpty(), "--modes must name at least one mode");
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

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
