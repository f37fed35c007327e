package dev.provisioner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The child JVM's side of a run. It starts the system under test (raw-http makes its warm-up
 * calls) and says {@code BENCH READY};
 * on {@code GO} it resets the heap peaks (and, for raw-http, makes the calls and says {@code BENCH
 * RESULT}); on {@code STOP} it says {@code BENCH STATS <peak heap bytes>} and stops.
 */
public final class SutChild {

  static final String PREFIX = "BENCH ";

  private SutChild() {
  }

  /** Runs the protocol on {@code in} and {@code out} (standard streams of the child). */
  public static void run(List<String> args, BufferedReader in, PrintWriter out)
      throws IOException, InterruptedException {
    SutSpec spec = SutSpec.fromArgs(args);
    QuietLogs.warningsOnly();
    try (SystemUnderTest sut = SystemUnderTest.start(spec)) {
      if (spec.mode() == Mode.RAW_HTTP) {
        RawHttpLoad.run(spec.warmUp());
      }
      out.println(PREFIX + "READY");
      expect(in, "GO");
      resetHeapPeaks();
      if (spec.mode() == Mode.RAW_HTTP) {
        out.println(PREFIX + "RESULT " + RawHttpLoad.run(spec).encode());
      }
      expect(in, "STOP");
      out.println(PREFIX + "STATS " + peakHeapBytes());
    }
  }

  private static void expect(BufferedReader in, String word) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.trim().equals(word)) {
        return;
      }
    }
    throw new IOException("the benchmark went away before " + word);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
  }

  private static void resetHeapPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peak use since the reset: an upper bound of the peak heap. */
  private static long peakHeapBytes() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }
}
