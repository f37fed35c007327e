package dev.provisioner.tooling.submit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Captures what the JVM's {@code System.out} and {@code System.err} receive while a block runs:
 * where log appenders write, unlike the picocli streams that {@code CliRun} captures. In a real
 * process both end up on the same standard output and standard error.
 */
record JvmConsole<T>(T result, String out, String err) {

  static <T> JvmConsole<T> during(Supplier<T> block) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    T result;
    try {
      result = block.get();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new JvmConsole<>(result, outBytes.toString(StandardCharsets.UTF_8),
        errBytes.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return result + "\n--- System.out ---\n" + out + "--- System.err ---\n" + err;
  }
}
