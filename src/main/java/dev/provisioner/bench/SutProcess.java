package dev.provisioner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in a child JVM ({@code bench --sut.mode=...} on the same classpath), so that
 * its CPU time ({@link ProcessHandle}) and heap are its own, not the broker's or the sandbox's.
 * The child's output goes to a log file, except the {@code BENCH} lines of {@link SutChild}.
 */
final class SutProcess implements AutoCloseable {

  private final Process process;
  private final PrintWriter control;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final String mode;
  private final Path log;

  private SutProcess(Process process, String mode, Path log) {
    this.process = process;
    this.mode = mode;
    this.log = log;
    this.control = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread pump = new Thread(() -> pump(log), "bench-child-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts the child and waits until its system is ready. */
  static SutProcess start(SutSpec spec, List<String> jvmOptions, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(launcher());
    command.add("bench");
    command.addAll(spec.toArgs());
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      SutProcess child = new SutProcess(process, spec.mode().id(), log);
      child.await("READY", Duration.ofMinutes(3));
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the " + spec.mode().id() + " child JVM", e);
    }
  }

  /** {@code -jar app.jar} when running from the executable jar, else the class path and Main. */
  private static List<String> launcher() {
    String classPath = System.getProperty("java.class.path");
    if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
      return List.of("-jar", classPath);
    }
    return List.of("-cp", classPath, "dev.provisioner.cli.Main");
  }

  /** The child's CPU time so far (all its threads), in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  void go() {
    control.println("GO");
  }

  /** The child's accumulated JIT compiling time, in milliseconds. */
  long compilingMillis() {
    control.println("JIT");
    return Long.parseLong(await("JIT", Duration.ofSeconds(30)).trim());
  }

  /** Has raw-http make warm-up calls {@code from..to-1} and waits for them. */
  void warmUp(int from, int to) {
    control.println("WARM " + from + " " + to);
    await("WARMED", Duration.ofMinutes(10));
  }

  /** Waits for raw-http's result line. */
  Completions.Measured awaitResult(Duration timeout) {
    return Completions.Measured.decode(await("RESULT", timeout));
  }

  /** Stops the system under test and returns its peak heap since {@link #go()}, in bytes. */
  long stop() {
    control.println("STOP");
    return Long.parseLong(await("STATS", Duration.ofMinutes(2)).trim());
  }

  private String await(String word, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String message = messages.poll(200, TimeUnit.MILLISECONDS);
        if (message != null && message.startsWith(word)) {
          return message.substring(word.length());
        }
        if (message == null && !process.isAlive()) {
          throw new IllegalStateException("the " + mode + " child JVM exited ("
              + process.exitValue() + ") before " + word + "; see its log " + log);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("the " + mode + " child JVM did not say " + word + " within "
        + timeout + " (log: " + log + ")");
  }

  private void pump(Path log) {
    try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log)) {
      String line;
      while ((line = in.readLine()) != null) {
        int at = line.indexOf(SutChild.PREFIX);
        if (at >= 0) {
          messages.add(line.substring(at + SutChild.PREFIX.length()));
        }
        out.write(line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      messages.add("GONE " + e.getMessage());
    }
  }

  @Override
  public void close() {
    control.close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
