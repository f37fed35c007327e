package dev.provisioner.bench;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A mode's warm-up: chunks of commands (raw-http: calls) until at least the minimum is done and
 * the JIT compilers of both JVMs, this one (broker, sandbox) and the child (the system under
 * test), were busy for less than {@link #QUIET} of the last chunk's wall time; or until the
 * maximum is done.
 *
 * <p>Why not a fixed count: on two cores shared by both JVMs, the C2 compiler kept using about
 * 40 % of a core in the worker's JVM for the first 200,000 commands, and a measurement taken
 * meanwhile is mostly the compiler's (worker CPU per command 105-145 µs after 50,000 commands,
 * 53 µs after 200,000). How long that lasts depends on the mode, the latency and the machine.
 */
final class WarmUp {

  /** Compiling for less than this share of the wall time is quiet. */
  static final double QUIET = 0.05;

  /** Commands per chunk, at most. */
  static final int CHUNK = 20_000;

  private WarmUp() {
  }

  /** Runs commands {@code from..to-1}. */
  interface Chunk {
    void run(int from, int to) throws InterruptedException;
  }

  /**
   * What the warm-up did.
   *
   * @param commands commands (or calls) run
   * @param parentBusy this JVM's JIT busy share during the last chunk
   * @param childBusy the child's JIT busy share during the last chunk
   * @param fixed true when the minimum was also the maximum: the compilers were not waited for
   */
  record Done(int commands, double parentBusy, double childBusy, boolean fixed) {

    boolean quiet() {
      return parentBusy < QUIET && childBusy < QUIET;
    }

    String describe() {
      return String.format(Locale.ROOT, "warm-up %,d commands; in the last chunk the JIT compiled"
              + " %.0f %% of the time in the child, %.0f %% in the broker and sandbox's JVM%s",
          commands, childBusy * 100, parentBusy * 100,
          quiet() || fixed ? "" : " (not quiet: the maximum was reached)");
    }
  }

  /** Warms the child up with {@code chunk} between {@code minimum} and {@code maximum} commands. */
  static Done run(int minimum, int maximum, SutProcess child, Chunk chunk)
      throws InterruptedException {
    return run(minimum, maximum, JitClock::compilingMillis, child::compilingMillis, chunk);
  }

  /** The same with the two JVMs' compiling clocks given, in milliseconds. */
  static Done run(int minimum, int maximum, LongSupplier parentJit, LongSupplier childJit,
      Chunk chunk) throws InterruptedException {
    int size = Math.max(1, Math.min(CHUNK, minimum));
    boolean fixed = minimum >= maximum;
    Done last = new Done(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, fixed);
    while (last.commands() < maximum) {
      int to = Math.min(maximum, last.commands() + size);
      JitClock before = JitClock.read(parentJit, childJit);
      chunk.run(last.commands(), to);
      JitClock after = JitClock.read(parentJit, childJit);
      last = new Done(to, after.parentBusySince(before), after.childBusySince(before), fixed);
      if (to >= minimum && last.quiet()) {
        break;
      }
    }
    return last;
  }
}
