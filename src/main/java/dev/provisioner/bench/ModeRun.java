package dev.provisioner.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.UUID;

/**
 * One mode at one latency: fresh topics, the system under test in a child JVM, warmed up
 * ({@link WarmUp}), the warm-up's accounts forgotten and both JVMs' garbage collected, then the
 * measured commands produced in one burst and every reply awaited; CPU time is the child's from
 * after the warm-up to the last reply.
 *
 * @param result the measured row
 * @param arrivals sequence numbers of the replies in arrival order (empty for raw-http)
 * @param warmUp what the warm-up did
 */
public record ModeRun(RunResult result, int[] arrivals, WarmUp.Done warmUp) {

  private static final Duration STALL = Duration.ofSeconds(90);

  /** While a warm-up lasts, a line at most this often says how far it got. */
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** Runs {@code mode} against the broker and the sandbox (its latency already set). */
  public static ModeRun run(BenchSettings settings, SandboxControl sandbox, String bootstrap,
      Mode mode, long latencyMs) throws InterruptedException {
    return run(settings, sandbox, bootstrap, mode, latencyMs, line -> { });
  }

  /**
   * The same, saying what it does on {@code progress}: the warm-up's progress every
   * {@link #PROGRESS_EVERY}, the warm-up's end, then the measured commands.
   */
  public static ModeRun run(BenchSettings settings, SandboxControl sandbox, String bootstrap,
      Mode mode, long latencyMs, Consumer<String> progress) throws InterruptedException {
    int commands = settings.commandsFor(mode, latencyMs);
    String run = "bench-" + mode.id() + "-" + latencyMs + "-" + UUID.randomUUID().toString()
        .substring(0, 8);
    SutSpec spec = new SutSpec(mode, bootstrap, sandbox.baseUrl(), run, settings.partitions(),
        settings.inFlight(), commands, settings.keys());
    if (mode.usesKafka()) {
      Topics.create(bootstrap, settings.partitions(), spec.commandsTopic(), spec.repliesTopic(),
          spec.deadLettersTopic());
    }
    Path log = settings.output().resolve("logs").resolve(run + ".log");
    try (SutProcess child = SutProcess.start(spec, settings.childJvmOptions(), log)) {
      WarmUp.Done warm = warmUp(settings, spec, child, progress);
      progress.accept("  " + warm.describe());
      progress.accept(String.format(Locale.ROOT, "  measuring %,d %s ...", commands,
          mode.usesKafka() ? "commands" : "calls"));
      sandbox.forgetAccounts();
      System.gc();
      long cpuBefore = child.cpuNanos();
      long machineBefore = MachineCpu.busyNanos();
      Outcome outcome = mode.usesKafka() ? viaKafka(spec, child) : viaHttp(child);
      long cpuNanos = child.cpuNanos() - cpuBefore;
      long machineNanos = machineBefore < 0 ? -1 : MachineCpu.busyNanos() - machineBefore;
      long peakHeap = child.stop();
      Completions.Measured m = outcome.measured();
      double wholeRunCpuUs = cpuNanos / 1000.0 / Math.max(1, m.count());
      double wholeRunMachineUs = machineNanos < 0 ? -1 : machineNanos / 1000.0 / Math.max(1, m.count());
      RunResult result = new RunResult(mode.id(), latencyMs, settings.partitions(),
          settings.keys(), m.count(), inFlight(settings, mode), round(m.throughputPerS()),
          round(m.p50Ms()), round(m.p99Ms()),
          round(m.windowCpuUs() >= 0 ? m.windowCpuUs() : wholeRunCpuUs),
          round(peakHeap / (1024.0 * 1024.0)),
          round(m.windowMachineUs() >= 0 ? m.windowMachineUs() : wholeRunMachineUs),
          m.windowBusyShare() < 0 ? -1 : Math.round(m.windowBusyShare() * 100));
      return new ModeRun(result, outcome.arrivals(), warm);
    } finally {
      if (mode.usesKafka() && settings.bootstrapServers() != null) {
        Topics.delete(bootstrap, List.of(spec.commandsTopic(), spec.repliesTopic(),
            spec.deadLettersTopic()), List.of(spec.topicPrefix(), ReplyReader.group(run),
            ReplyReader.group(spec.warmUp().topicPrefix())));
      }
    }
  }

  private static Outcome viaKafka(SutSpec spec, SutProcess child) throws InterruptedException {
    long[] sentAt = new long[spec.commands()];
    try (ReplyReader replies = new ReplyReader(spec.bootstrapServers(), spec.repliesTopic(),
        spec.topicPrefix(), sentAt, () -> CpuSample.of(child.cpuNanos()))) {
      replies.awaitAssigned();
      child.go();
      CommandProducer.produce(spec.bootstrapServers(), spec.commandsTopic(), spec.topicPrefix(),
          spec.keys(), sentAt, 0, sentAt.length);
      replies.awaitReplies(spec.commands(), STALL);
      return new Outcome(replies.completions().measured(), replies.arrivals());
    }
  }

  /**
   * Warms the child up: raw-http makes calls, the Kafka modes get commands on the run's topics,
   * answered before the measured ones are produced. The classic listener, slow enough that
   * chunks of 20,000 would take minutes at L = 20, warms up in chunks of a fifth of its commands,
   * at most as many as it is measured with.
   */
  private static WarmUp.Done warmUp(BenchSettings settings, SutSpec spec, SutProcess child,
      Consumer<String> progress) throws InterruptedException {
    boolean classic = spec.mode() == Mode.CLASSIC_LISTENER;
    int minimum = classic ? Math.max(1, spec.commands() / 5) : settings.warmUp();
    int maximum = classic ? Math.max(minimum, spec.commands()) : settings.warmUpMax();
    if (!spec.mode().usesKafka()) {
      return WarmUp.run(minimum, maximum, child, reporting(child::warmUp, progress));
    }
    SutSpec warm = spec.warmUp();
    long[] sentAt = new long[maximum];
    try (ReplyReader replies = new ReplyReader(spec.bootstrapServers(), spec.repliesTopic(),
        warm.topicPrefix(), sentAt, CpuSample.NONE)) {
      replies.awaitAssigned();
      return WarmUp.run(minimum, maximum, child, reporting((from, to) -> {
        CommandProducer.produce(spec.bootstrapServers(), spec.commandsTopic(), warm.topicPrefix(),
            spec.keys(), sentAt, from, to);
        replies.awaitReplies(to, STALL);
      }, progress));
    }
  }

  /** {@code chunk}, with a progress line after a chunk when the last was long enough ago. */
  private static WarmUp.Chunk reporting(WarmUp.Chunk chunk, Consumer<String> progress) {
    long[] reported = {System.nanoTime()};
    return (from, to) -> {
      chunk.run(from, to);
      if (System.nanoTime() - reported[0] >= PROGRESS_EVERY.toNanos()) {
        reported[0] = System.nanoTime();
        progress.accept(String.format(Locale.ROOT, "  warming up: %,d done ...", to));
      }
    };
  }

  private static Outcome viaHttp(SutProcess child) {
    child.go();
    return new Outcome(child.awaitResult(Duration.ofHours(2)), new int[0]);
  }

  /** The classic listener has one call in flight per partition, whatever --in-flight says. */
  private static int inFlight(BenchSettings settings, Mode mode) {
    return mode == Mode.CLASSIC_LISTENER ? settings.partitions() : settings.inFlight();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private record Outcome(Completions.Measured measured, int[] arrivals) {
  }
}
