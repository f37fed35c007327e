package dev.provisioner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's busy CPU time (every process: broker, sandbox, load generator and system
 * under test) from Linux's {@code /proc/stat}, so a run can say what one command costs in all.
 * Linux counts in ticks of 1/100 s ({@code USER_HZ}); elsewhere the time is unknown.
 */
final class MachineCpu {

  private static final Path STAT = Path.of("/proc/stat");
  private static final long NANOS_PER_TICK = 10_000_000L;

  private MachineCpu() {
  }

  /** Busy CPU time of all cores so far, in nanoseconds, or -1 when it cannot be read. */
  static long busyNanos() {
    try {
      List<String> lines = Files.readAllLines(STAT);
      String[] fields = lines.get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
        busy += Long.parseLong(fields[i]);
      }
      return busy * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
