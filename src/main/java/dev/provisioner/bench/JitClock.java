package dev.provisioner.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How busy the JIT compilers of this JVM and a child's are: the benchmark warms a mode up until
 * both are nearly idle, so that it measures compiled code and not the compiler.
 *
 * @param parentMillis this JVM's compiling time so far
 * @param childMillis the child's compiling time so far
 * @param atNanos when the two were read
 */
record JitClock(long parentMillis, long childMillis, long atNanos) {

  /** Reads both clocks now. */
  static JitClock read(LongSupplier parentMillis, LongSupplier childMillis) {
    return new JitClock(parentMillis.getAsLong(), childMillis.getAsLong(), System.nanoTime());
  }

  /** This JVM's accumulated compiling time in milliseconds, or 0 when it does not say. */
  static long compilingMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }

  /** This JVM's compiling time since {@code before}, as a share of the wall time since then. */
  double parentBusySince(JitClock before) {
    return (parentMillis - before.parentMillis) / wallMillisSince(before);
  }

  /**
   * The child's compiling time since {@code before}, as a share of the wall time since then.
   * Compilers run on several threads, so this can exceed 1.
   */
  double childBusySince(JitClock before) {
    return (childMillis - before.childMillis) / wallMillisSince(before);
  }

  private double wallMillisSince(JitClock before) {
    return Math.max(1, (atNanos - before.atNanos) / 1e6);
  }
}
