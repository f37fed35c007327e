package dev.provisioner.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The packaged executable {@code target/account-provisioner.jar} running as a child process, as
 * a user runs it: for integration tests ({@code *IT}) that run after {@code package}.
 *
 * <p>Standard output and error go to files under the given directory, so that nothing blocks on
 * a full pipe and a failing test can show them ({@link #toString()}). {@link #close()} always
 * kills the process, so a test that fails halfway leaves nothing running.
 */
public final class JarProcess implements AutoCloseable {

  public static final Path JAR = Path.of("target", "account-provisioner.jar");

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private JarProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code java -jar target/account-provisioner.jar args...}, output under {@code logDir}. */
  public static JarProcess start(Path logDir, String... args) {
    return start(logDir, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with {@code environment} added to this JVM's own. */
  public static JarProcess start(Path logDir, Map<String, String> environment, String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(logDir);
      Path out = Files.createTempFile(logDir, "stdout-", ".log");
      Path err = Files.createTempFile(logDir, "stderr-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      Process process = builder
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      return new JarProcess(process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Waits for a line of standard output matching {@code regex}; returns the match. */
  public Matcher awaitOutput(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    return await("stdout line matching " + regex + " from " + this)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> firstMatch(pattern), Objects::nonNull);
  }

  private @Nullable Matcher firstMatch(Pattern pattern) {
    for (String line : stdout().lines().toList()) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
    if (!process.isAlive()) {
      throw new IllegalStateException("the process ended before printing " + pattern + ": " + this);
    }
    return null;
  }

  /** {@code kill -9}: the process gets no chance to clean up. Waits until it is gone. */
  public int kill9() {
    process.destroyForcibly();
    return waitFor(Duration.ofSeconds(30));
  }

  /** {@code kill} (SIGTERM): shutdown hooks run. Waits up to {@code timeout}; returns the exit code. */
  public int terminate(Duration timeout) {
    process.destroy();
    return waitFor(timeout);
  }

  /** Waits for the process to end by itself; returns its exit code. */
  public int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("still running after " + timeout + ": " + this);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + this, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill9();
    }
  }

  @Override
  public String toString() {
    return "pid " + process.pid() + (process.isAlive() ? " (running)" : " exit " + process.exitValue())
        + "\n--- stdout (" + stdout + ") ---\n" + stdout()
        + "--- stderr (" + stderr + ") ---\n" + stderr();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
