package dev.provisioner.cli;

import dev.provisioner.runtime.BrokerCheck;
import dev.provisioner.runtime.BrokerUnreachableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What {@code bench} checks before it starts anything: a run takes minutes, and an output
 * directory it cannot write or a broker it cannot reach would otherwise be found only after the
 * broker, the sandbox and a child JVM had started, as a Kafka or file system message that does
 * not name the option.
 */
final class BenchChecks {

  private BenchChecks() {
  }

  /** Creates {@code --output} (and its {@code logs}) if need be; it must be a writable directory. */
  static void requireWritable(Path output) {
    try {
      Files.createDirectories(output.resolve("logs"));
    } catch (IOException | SecurityException e) {
      throw unwritable(output);
    }
    if (!Files.isWritable(output) || !Files.isWritable(output.resolve("logs"))) {
      throw unwritable(output);
    }
  }

  /** The broker of {@code --bootstrap-servers} must answer within {@link BrokerCheck#TIMEOUT}. */
  static void requireReachable(String bootstrapServers) {
    try {
      BrokerCheck.requireReachable("--bootstrap-servers",
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    } catch (BrokerUnreachableException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Options that act as the JVM starts, even for {@code -version}: they write files (a GC log, a
   * JFR recording) or load agents that may wait for a debugger. They are not tried here; a bad
   * one stops the first child, whose log the benchmark names.
   */
  private static final List<String> ACTING = List.of("-Xlog", "-Xloggc", "-XX:StartFlightRecording",
      "-agentlib", "-agentpath", "-javaagent");

  /**
   * The child JVMs' options must be ones the JVM accepts: {@code java OPTIONS -version} must
   * succeed. Otherwise every child would exit at once, after the broker and sandbox started.
   */
  static void requireJvmAccepts(List<String> options) {
    List<String> tried = options.stream()
        .filter(option -> ACTING.stream().noneMatch(option::startsWith)).toList();
    if (tried.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(tried);
    command.add("-version");
    try {
      Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
      String said = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!java.waitFor(30, TimeUnit.SECONDS) || java.exitValue() != 0) {
        java.destroyForcibly();
        throw new UsageException("--child-jvm-option must be options this JVM accepts, but "
            + String.join(" ", tried) + " made it say: " + said.lines().findFirst().orElse(""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking --child-jvm-option", e);
    }
  }

  private static UsageException unwritable(Path output) {
    return new UsageException("--output must be a directory this user can write (it is created "
        + "if missing), but was " + output);
  }
}
