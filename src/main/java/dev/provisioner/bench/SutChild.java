package dev.provisioner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The child JVM's side of a run. It starts the system under test and says {@code BENCH READY},
 * then answers the parent's lines until {@code STOP}:
 * <ul>
 *   <li>{@code JIT}: {@code BENCH JIT <ms>}, the time this JVM has spent compiling so far;
 *   <li>{@code WARM <from> <to>} (raw-http): makes warm-up calls {@code from..to-1} and says
 *       {@code BENCH WARMED};
 *   <li>{@code GO}: collects the warm-up's garbage, resets the heap peaks (raw-http then makes the measured calls and says
 *       {@code BENCH RESULT});
 *   <li>{@code STOP}: says {@code BENCH STATS <peak heap bytes>} and stops.
 * </ul>
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
      out.println(PREFIX + "READY");
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split(" ");
        switch (words[0]) {
          case "JIT" -> out.println(PREFIX + "JIT " + JitClock.compilingMillis());
          case "WARM" -> {
            RawHttpLoad.run(spec.warmUp(), Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            out.println(PREFIX + "WARMED");
          }
          case "GO" -> {
            System.gc();
            resetHeapPeaks();
            if (spec.mode() == Mode.RAW_HTTP) {
              out.println(PREFIX + "RESULT " + RawHttpLoad.run(spec, 0, spec.commands()).encode());
            }
          }
          case "STOP" -> {
            out.println(PREFIX + "STATS " + peakHeapBytes());
            return;
          }
          default -> throw new IOException("unknown benchmark line: " + line);
        }
      }
      throw new IOException("the benchmark went away before STOP");
    }
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
