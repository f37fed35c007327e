package dev.provisioner.cli;

import dev.provisioner.bench.BenchSettings;
import dev.provisioner.bench.Benchmark;
import dev.provisioner.bench.Mode;
import dev.provisioner.bench.QuietLogs;
import dev.provisioner.bench.Results;
import dev.provisioner.bench.ResultsTable;
import dev.provisioner.bench.SutChild;
import dev.provisioner.bench.SutSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: the throughput benchmark of the worker against its peers (see the README, "The throughput benchmark").
 * With {@code --sut.mode=...} it is the child JVM of one run instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Benchmark the worker's throughput against its peers and raw HTTP.",
        "Measures end-to-end throughput, latency, CPU and heap of the worker, a plain listener, "
            + "parallel-consumer and raw HTTP calls; see the README."})
final class BenchCommand implements Callable<Integer> {

  /** The exit code after Ctrl-C, as the JVM's own: 128 + SIGINT. */
  private static final int INTERRUPTED = 130;

  @Spec
  private CommandSpec spec;

  @Option(names = "--commands", defaultValue = "50000", description = "Commands per run (N), 1 to 10000000.")
  private int commands;

  @Option(names = "--keys", defaultValue = "10000", description = "Distinct keys (K), 1 to --commands.")
  private int keys;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions (P), 1 to 1000.")
  private int partitions;

  @Option(names = "--latencies", defaultValue = "0,20", split = ",",
      description = "Sandbox latencies in ms (L), comma-separated, distinct, 0 to 3600000.")
  private List<Long> latencies;

  @Option(names = "--in-flight", defaultValue = "256", description = "API calls in flight, 1 to 10000.")
  private int inFlight;

  @Option(names = "--modes", defaultValue = "worker,classic-listener,parallel-consumer,raw-http",
      split = ",", description = "Modes to run, comma-separated, each once; also worker-no-api (the worker with the API "
          + "answered at once, no HTTP: what Kafka and the worker cost without it).")
  private List<String> modes;

  @Option(names = "--bootstrap-servers", description = "Use this broker instead of starting one; each run deletes its topics and "
      + "consumer groups from it.")
  private @Nullable String bootstrapServers;

  @Option(names = "--output", defaultValue = "target/bench", description = "Results directory, created if missing.")
  private Path output;

  @Option(names = "--warm-up", defaultValue = "50000", description = "Commands a fast mode "
      + "handles at least before it is measured; more follow until the JIT compilers are quiet "
      + "(classic-listener: a fifth of its own); 1 to 10000000.")
  private int warmUp;

  @Option(names = "--warm-up-max", defaultValue = "500000", description = "Warm-up commands of a "
      + "fast mode at most, JIT compilers quiet or not; --warm-up to 10000000.")
  private int warmUpMax;

  @Option(names = "--rounds", defaultValue = "2", description = "Times every mode runs at every "
      + "latency; only the last round is reported, the earlier ones warm the broker and sandbox.")
  private int rounds;

  @Option(names = "--child-jvm-option", showDefaultValue = Visibility.NEVER,
      description = "JVM option of the child JVMs, e.g. -Xmx256m; repeatable.")
  private List<String> childJvmOptions = new ArrayList<>();

  @Unmatched
  private List<String> childArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (childArgs.stream().anyMatch(arg -> arg.startsWith("--sut."))) {
      childSpec();
      SutChild.run(childArgs, new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8)), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    if (!childArgs.isEmpty()) {
      throw new UsageException("bench: unknown option " + childArgs.get(0));
    }
    BenchSettings settings = checkedSettings();
    var out = spec.commandLine().getOut();
    out.println("bench on JVM " + Results.currentJvm());
    Benchmark benchmark = new Benchmark(settings, line -> {
      out.println(line);
      out.flush();
    });
    BenchInterruption interruption = BenchInterruption.install(benchmark,
        spec.commandLine().getErr());
    Results results;
    try {
      results = benchmark.run();
    } catch (RuntimeException | InterruptedException e) {
      if (interruption.happened()) {
        return INTERRUPTED;
      }
      throw e;
    } finally {
      interruption.remove();
    }
    report(results);
    return ExitCodes.OK;
  }

  /** The settings, once nothing that would fail minutes later is wrong with them. */
  private BenchSettings checkedSettings() {
    BenchSettings settings = settings();
    // before the broker check: its admin client would print its 100-line configuration at INFO
    QuietLogs.warningsOnly();
    BenchChecks.requireWritable(settings.output());
    BenchChecks.requireJvmAccepts(settings.childJvmOptions());
    if (settings.bootstrapServers() != null) {
      BenchChecks.requireReachable(settings.bootstrapServers());
    }
    return settings;
  }

  private void report(Results results) {
    var out = spec.commandLine().getOut();
    out.println();
    out.print(ResultsTable.render(results));
    out.println("results: " + output.resolve(Results.FILE) + ", chart: "
        + output.resolve(Results.CHART));
    out.flush();
  }

  private BenchSettings settings() {
    try {
      return new BenchSettings(commands, keys, partitions, latencies, inFlight,
          modes(modes), bootstrapServers, output, childJvmOptions,
          warmUp, warmUpMax, rounds);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A child's options must be complete: a user who typed one gets a line, not a Java error. */
  private void childSpec() {
    try {
      SutSpec.fromArgs(childArgs);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static List<Mode> modes(List<String> ids) {
    try {
      return ids.stream().map(Mode::of).toList();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--modes must be one or more of " + Mode.ids()
          + ", comma-separated, but was '" + String.join(",", ids) + "'");
    }
  }
}
