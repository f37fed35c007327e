package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestKafka;
import dev.provisioner.worker.WorkerFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) halfway through the packaged {@code submit}: the user is told what was sent and
 * answered, the report lists every row, and a second run of the same file creates nothing twice
 * and says which accounts already existed.
 */
class SubmitInterruptIT {

  private static final int ROWS = 20_000;

  @TempDir
  Path dir;

  private WorkerFixture fixture;

  @BeforeEach
  void startWorker() {
    // 200 ms per API call keeps the worker busy long enough to be interrupted halfway
    fixture = new WorkerFixture(List.of("--sandbox.faults.latency-ms=200"));
  }

  @AfterEach
  void stopWorker() {
    fixture.close();
  }

  @Test
  void ctrlCHalfwayReportsWhatWasDoneAndTheSecondRunDuplicatesNothing() throws Exception {
    // Given a file of 20,000 accounts being submitted and awaited by the packaged jar
    Path file = accountsCsv();
    Path report = dir.resolve("report.csv");
    long before = fixture.accountCount();
    int exit;
    String out;
    try (JarProcess submit = JarProcess.start(dir.resolve("logs"), "submit", file.toString(),
        "--await", "--report=" + report, "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + fixture.commands, "--replies-topic=" + fixture.replies)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.accountCount() >= before + 1_000);

      // When the user presses Ctrl-C
      new ProcessBuilder("kill", "-INT", Long.toString(submit.pid())).start().waitFor();
      exit = submit.waitFor(Duration.ofSeconds(60));
      out = submit.stdout();
    }

    // Then it says what happened, and the report has every row in a truthful state
    assertThat(exit).as(out).isEqualTo(130);
    assertThat(out).contains("interrupted: ").contains("submitting the same file again is safe")
        .contains("report: " + report);
    assertThat(report).as(out).exists();
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(ROWS + 1);
    Map<String, Long> statuses = lines.stream().skip(1).map(line -> line.split(",")[3])
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf("created", "unanswered", "not-sent");
    assertThat(statuses.get("unanswered")).as(statuses.toString()).isPositive();

    // When the latency is gone and the same file is submitted again
    putFaults("{}");
    CliRun second = CliRun.of("submit", file.toString(), "--await", "--report=" + report,
        "--bootstrap-servers=" + TestKafka.bootstrapServers(), "--commands-topic=" + fixture.commands,
        "--replies-topic=" + fixture.replies, "--timeout=PT2M");

    // Then every account exists once, and the accounts of the first run are reported as existing
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(fixture.accountCount()).isEqualTo(before + ROWS);
    long existed = Files.readAllLines(report).stream().filter(line -> line.endsWith(",true")).count();
    assertThat(existed).as(second.toString()).isGreaterThanOrEqualTo(1_000);
    assertThat(second.out()).contains(ROWS + " created (" + existed + " of them already existed: replayed)");
  }

  private Path accountsCsv() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("external_reference,name,currency,customer.external_reference\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("int-%s-%d,Account %d,ZAR,icus-%s-%d\n".formatted(run, i, i, run, i));
    }
    return Files.writeString(dir.resolve("accounts.csv"), csv, StandardCharsets.UTF_8);
  }

  private void putFaults(String json) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fixture.sandbox.baseUrl() + "/_sandbox/faults"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
