package dev.provisioner.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Completion times and latencies of one run, recorded from many threads. Throughput is measured
 * at steady state: from the completion of the first tenth to the last completion, so that start-up
 * (group join, connection set-up, JIT) does not count.
 */
final class Completions {

  private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(2);

  private final long[] times;
  private final Histogram latencies = new Histogram(MAX_MICROS, 3);
  private int count;

  Completions(int expected) {
    this.times = new long[expected];
  }

  /** One completion now, {@code latencyNanos} after its command was produced or its call sent. */
  synchronized void record(long nowNanos, long latencyNanos) {
    if (count < times.length) {
      times[count++] = nowNanos;
      latencies.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1_000)));
    }
  }

  synchronized int count() {
    return count;
  }

  /** Throughput, p50 and p99 of what was recorded. */
  synchronized Measured measured() {
    if (count < 2) {
      return new Measured(count, 0, 0, 0);
    }
    int first = count >= 20 ? count / 10 : 0;
    double seconds = (times[count - 1] - times[first]) / 1e9;
    double throughput = seconds <= 0 ? 0 : (count - 1 - first) / seconds;
    return new Measured(count, throughput, latencies.getValueAtPercentile(50) / 1000.0,
        latencies.getValueAtPercentile(99) / 1000.0);
  }

  /** Completions counted, steady-state throughput per second, and latency percentiles. */
  record Measured(int count, double throughputPerS, double p50Ms, double p99Ms) {

    String encode() {
      return count + " " + throughputPerS + " " + p50Ms + " " + p99Ms;
    }

    static Measured decode(String text) {
      String[] parts = text.trim().split(" ");
      return new Measured(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]),
          Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
    }
  }
}
