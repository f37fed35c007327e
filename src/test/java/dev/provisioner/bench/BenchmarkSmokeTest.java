package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every mode against a broker given as with {@code --bootstrap-servers}: each answers all its
 * commands, the results are written in the shape, the progress says what runs, and the
 * broker keeps none of the runs' topics or consumer groups.
 */
class BenchmarkSmokeTest {

  private static final List<String> FIELDS = List.of("mode", "latency_ms", "partitions", "keys",
      "commands", "in_flight", "throughput_per_s", "p50_ms", "p99_ms", "cpu_us_per_command",
      "peak_heap_mb");

  @TempDir
  Path output;

  @Test
  void givenEveryModeAndFiveHundredCommands_whenTheBenchmarkRuns_thenEachModeAnswersAllAndResultsAreWritten()
      throws Exception {
    BenchSettings settings = new BenchSettings(500, 50, 3, List.of(0L), 32, List.of(Mode.values()),
        TestKafka.bootstrapServers(), output, List.of("-Xmx256m"), 100, 200, 1);

    Set<String> topicsBefore = benchTopics();
    Set<String> groupsBefore = benchGroups();
    List<String> progress = new CopyOnWriteArrayList<>();
    Results results = new Benchmark(settings, progress::add).run();

    assertThat(progress).as("the rows' header first, then what each run does")
        .startsWith("  " + ResultsTable.header(), "running worker at 0 ms (round 1 of 1) ...")
        .filteredOn(line -> line.startsWith("  measuring 500 ")).hasSize(5);
    assertThat(difference(benchTopics(), topicsBefore)).as("the given broker keeps no topic of the runs")
        .isEmpty();
    assertThat(difference(benchGroups(), groupsBefore)).as("nor a consumer group").isEmpty();

    List<String> warmUps = progress.stream().filter(line -> line.startsWith("  warm-up ")).toList();
    assertThat(warmUps)
        .as("warm-up lines of worker, classic-listener, parallel-consumer, raw-http, worker-no-api")
        .hasSize(5)
        .allSatisfy(line -> assertThat(line).contains("in the last chunk the JIT compiled"));
    assertThat(List.of(warmUps.get(0), warmUps.get(2), warmUps.get(3), warmUps.get(4)))
        .as("fast modes: 100 to 200")
        .allSatisfy(line -> assertThat(line).containsPattern("^  warm-up (100|200) commands;"));
    assertThat(warmUps.get(1)).as("classic-listener: chunks of a fifth of its 500, up to 500")
        .containsPattern("^  warm-up [1-5]00 commands;");

    assertThat(results.runs()).extracting(RunResult::mode)
        .containsExactly("worker", "classic-listener", "parallel-consumer", "raw-http",
            "worker-no-api");
    assertThat(results.runs()).extracting(RunResult::inFlight).as("classic: one per partition")
        .containsExactly(32, 3, 32, 32, 32);
    assertThat(results.runs()).allSatisfy(run -> {
      assertThat(run.commands()).isEqualTo(500);
      assertThat(run.throughputPerS()).isPositive();
      assertThat(run.cpuUsPerCommand()).isPositive();
      assertThat(run.peakHeapMb()).isPositive();
      if (Files.isReadable(Path.of("/proc/stat"))) {
        assertThat(run.machineCpuUsPerCommand()).as("all processes' CPU per command").isPositive();
      }
    });
    JsonNode json = JsonMapper.builder().build().readTree(output.resolve("results.json").toFile());
    assertThat(json.path("jvm").asString()).isNotBlank();
    assertThat(json.path("runs")).hasSize(5);
    json.path("runs").forEach(run -> assertThat(run.propertyNames()).containsExactlyElementsOf(FIELDS));
    assertThat(Files.size(output.resolve("throughput.png"))).isPositive();
  }

  private static Set<String> benchTopics() throws Exception {
    try (Admin admin = admin()) {
      return admin.listTopics().names().get().stream().filter(BenchmarkSmokeTest::ofBench)
          .collect(Collectors.toSet());
    }
  }

  private static Set<String> benchGroups() throws Exception {
    try (Admin admin = admin()) {
      return admin.listGroups().all().get().stream().map(GroupListing::groupId)
          .filter(BenchmarkSmokeTest::ofBench).collect(Collectors.toSet());
    }
  }

  private static boolean ofBench(String name) {
    return name.startsWith("bench-") || name.startsWith("wbench-");
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestKafka.bootstrapServers()));
  }

  private static Set<String> difference(Set<String> after, Set<String> before) {
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    return added;
  }
}
