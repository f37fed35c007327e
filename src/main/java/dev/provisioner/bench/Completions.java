package dev.provisioner.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Completion times and latencies of one run, recorded from many threads. Throughput is measured
 * at steady state: from the completion of the first tenth to the last completion, so that start-up
 * (group join, connection set-up, JIT) does not count. CPU is read at the same two moments, so
 * that CPU per command and the machine's busy share cover exactly the window the throughput does.
 */
final class Completions {

  private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(2);
  /**
   * CPU time is counted in ticks of 10 ms, so a shorter window cannot give a per-command figure;
   * such runs report {@code -1} and the caller falls back to the whole run's CPU.
   */
  private static final long MIN_CPU_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final long[] times;
  private final Histogram latencies = new Histogram(MAX_MICROS, 3);
  private final Supplier<CpuSample> cpu;
  private @Nullable CpuSample windowStart;
  private @Nullable CpuSample windowEnd;
  private int count;

  /** Completions without CPU readings. */
  Completions(int expected) {
    this(expected, CpuSample.NONE);
  }

  /** @param cpu read when the window starts and when the last expected completion comes */
  Completions(int expected, Supplier<CpuSample> cpu) {
    this.times = new long[expected];
    this.cpu = cpu;
  }

  /** One completion now, {@code latencyNanos} after its command was produced or its call sent. */
  synchronized void record(long nowNanos, long latencyNanos) {
    if (count < times.length) {
      times[count++] = nowNanos;
      latencies.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1_000)));
      if (count == firstInWindow(times.length) + 1) {
        windowStart = cpu.get();
      }
      if (count == times.length) {
        windowEnd = cpu.get();
      }
    }
  }

  synchronized int count() {
    return count;
  }

  /** Throughput, p50 and p99 of what was recorded, and the CPU of the window when it was read. */
  synchronized Measured measured() {
    if (count < 2) {
      return new Measured(count, 0, 0, 0, -1, -1, -1);
    }
    int first = firstInWindow(count);
    long windowNanos = times[count - 1] - times[first];
    int inWindow = count - 1 - first;
    double throughput = windowNanos <= 0 ? 0 : inWindow / (windowNanos / 1e9);
    double processUs = -1;
    double machineUs = -1;
    double busy = -1;
    if (windowStart != null && windowEnd != null && count == times.length
        && windowNanos >= MIN_CPU_WINDOW_NANOS && inWindow > 0) {
      processUs = perCommandUs(windowStart.processNanos(), windowEnd.processNanos(), inWindow);
      machineUs = perCommandUs(windowStart.machineNanos(), windowEnd.machineNanos(), inWindow);
      busy = machineUs < 0 ? -1
          : (windowEnd.machineNanos() - windowStart.machineNanos()) / ((double) windowNanos * CORES);
    }
    return new Measured(count, throughput, latencies.getValueAtPercentile(50) / 1000.0,
        latencies.getValueAtPercentile(99) / 1000.0, processUs, machineUs, busy);
  }

  /** The index of the completion that opens the window: the end of the first tenth. */
  private static int firstInWindow(int count) {
    return count >= 20 ? count / 10 : 0;
  }

  private static double perCommandUs(long before, long after, int commands) {
    return before < 0 || after < before ? -1 : (after - before) / 1000.0 / commands;
  }

  /**
   * Completions counted, steady-state throughput per second, latency percentiles, and over the
   * same window: the system under test's CPU per command, the machine's, and the machine's busy
   * share of all its cores (0 to 1); each -1 when not measured.
   */
  record Measured(int count, double throughputPerS, double p50Ms, double p99Ms,
      double windowCpuUs, double windowMachineUs, double windowBusyShare) {

    String encode() {
      return count + " " + throughputPerS + " " + p50Ms + " " + p99Ms + " " + windowCpuUs + " "
          + windowMachineUs + " " + windowBusyShare;
    }

    static Measured decode(String text) {
      String[] parts = text.trim().split(" ");
      return new Measured(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]),
          Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
          Double.parseDouble(parts[4]), Double.parseDouble(parts[5]),
          Double.parseDouble(parts[6]));
    }
  }
}
