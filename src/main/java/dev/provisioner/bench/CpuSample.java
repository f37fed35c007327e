package dev.provisioner.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * CPU time used so far by the system under test's process and by the whole machine, in
 * nanoseconds; -1 where it cannot be read.
 *
 * @param processNanos the system under test's JVM (user and system time)
 * @param machineNanos every process on the machine ({@link MachineCpu})
 */
record CpuSample(long processNanos, long machineNanos) {

  /** A clock for runs that do not measure CPU in their window. */
  static final Supplier<CpuSample> NONE = () -> new CpuSample(-1, -1);

  /** {@code processNanos} with the machine's CPU time now. */
  static CpuSample of(long processNanos) {
    return new CpuSample(processNanos, MachineCpu.busyNanos());
  }

  /** This JVM's CPU time and the machine's, now: for the child that runs raw-http itself. */
  static CpuSample ofThisProcess() {
    return of(ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
        .orElse(-1L));
  }
}
