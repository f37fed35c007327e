package dev.provisioner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kcat} command-line Kafka client, run as users run it in the README's examples.
 * {@code .ci/run} installs it; tests skip themselves when {@link #installed()} is false.
 */
public final class Kcat {

  private static final long TIMEOUT_SECONDS = 30;

  private Kcat() {
  }

  /** What kcat printed and its exit code; {@link #toString()} shows all of it for assertions. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "kcat exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  public static boolean installed() {
    try {
      return run("", "-V").exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Runs {@code kcat args...} with {@code input} on its standard input; waits up to 30 s. */
  public static Result run(String input, String... args) {
    List<String> command = new ArrayList<>();
    command.add("kcat");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> out = readAsync(process.getInputStream());
      CompletableFuture<String> err = readAsync(process.getErrorStream());
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " still running after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }
}
