package dev.provisioner.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code results.json} holds: the JVM the benchmark ran on and one row per mode and latency.
 */
public record Results(@JsonProperty("jvm") String jvm, @JsonProperty("runs") List<RunResult> runs) {

  public static final String FILE = "results.json";
  public static final String CHART = "throughput.png";

  public Results {
    runs = List.copyOf(runs);
  }

  /** e.g. {@code 25.0.1+8-LTS Eclipse Adoptium OpenJDK 64-Bit Server VM}. */
  public static String currentJvm() {
    return System.getProperty("java.runtime.version") + " " + System.getProperty("java.vm.vendor")
        + " " + System.getProperty("java.vm.name");
  }

  /** Writes {@value #FILE} and {@value #CHART} into {@code directory}. */
  public void write(Path directory) {
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(FILE), json.writeValueAsString(this));
      ThroughputChart.write(this, directory.resolve(CHART));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + directory, e);
    }
  }
}
