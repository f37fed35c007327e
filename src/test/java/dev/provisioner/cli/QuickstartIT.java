package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.FreePorts;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.Kcat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quickstart, verbatim: {@code java -jar target/account-provisioner.jar dev}, then the
 * kcat commands of the README send a command and read its reply. Its output stays short (Kafka's
 * own INFO logs hidden) and SIGTERM stops it without complaints, logging the worker's stop.
 */
class QuickstartIT {

  /** The broker's and Kafka clients' loggers as Spring Boot abbreviates them. */
  private static final Pattern KAFKA_LOGGER = Pattern.compile(
      " (kafka\\.|k\\.[a-z]|o\\.a\\.kafka|org\\.apache\\.kafka|state\\.change\\.logger)");

  @TempDir
  Path logs;

  @Test
  void theReadmeQuickstartCreatesAnAccountAndShowsItsReply() throws Exception {
    assumeKcat();
    List<String> quickstart = shellLines(readmeBlock("It prints a banner"));
    String run = shellLines(readmeBlock("**Run it**")).get(0);
    assertThat(run).endsWith("java -jar target/account-provisioner.jar dev");

    try (JarProcess dev = JarProcess.start(logs, "dev")) {
      dev.awaitOutput("account-provisioner dev is running", Duration.ofMinutes(2));
      assertThat(dev.stdout()).contains("kcat -P -b localhost:9092 -t account-commands");

      assertThat(bash(quickstart.get(0))).isEmpty();
      AtomicReference<String> replies = new AtomicReference<>("");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            replies.set(bash(quickstart.get(1)));
            return replies.get().contains("\"message_id\":\"m-1\"");
          });

      assertThat(replies.get()).contains("\"status\":\"created\"").contains("\"id\":\"bacc_");

      assertThat(dev.terminate(Duration.ofSeconds(30))).as("exit code after SIGTERM").isIn(0, 143);
      String out = dev.stdout();
      String startUp = out.substring(0, out.indexOf("account-provisioner dev is running"));
      assertThat(startUp.lines().toList()).as("start-up output, without Kafka's INFO logs")
          .hasSizeLessThan(40)
          .noneMatch(line -> line.contains(" INFO ") && KAFKA_LOGGER.matcher(line).find());
      assertThat(out.substring(out.indexOf("Ctrl-C stops everything.")).lines().toList())
          .as("output after the banner: the worker stops before the broker, so nothing complains")
          .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "))
          .as("the worker's stop is logged (Spring Boot's logging hook stopped Logback before it)")
          .anyMatch(line -> line.contains("worker stopping: the batches in progress make no new API calls"));
    }
  }

  @Test
  void devRunsOnOtherPortsWhenAskedAndItsBannerSaysWhere() throws Exception {
    assumeKcat();
    int brokerPort = FreePorts.any();
    int sandboxPort = FreePorts.any();

    try (JarProcess dev = JarProcess.start(logs, "dev", "--broker-port=" + brokerPort,
        "--sandbox-port=" + sandboxPort, "--server.port=0")) {
      dev.awaitOutput("Ctrl-C stops everything", Duration.ofMinutes(2));
      List<String> banner = dev.stdout().lines().map(String::strip).toList();
      assertThat(banner).contains("API      http://localhost:" + sandboxPort + " (sandbox)");
      String send = banner.get(banner.indexOf("Send a command:") + 1);
      String read = banner.get(banner.indexOf("Read the reply:") + 1);
      assertThat(send).contains("-b localhost:" + brokerPort + " ");
      assertThat(dev.stdout().lines().filter(line -> line.contains("worker ready")))
          .as("the worker's log lines are labelled as the worker's, not the sandbox's")
          .singleElement().asString().contains("[account-provisioner] ");

      assertThat(bash(send)).isEmpty();
      AtomicReference<String> replies = new AtomicReference<>("");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            replies.set(bash(read));
            return replies.get().contains("\"message_id\":\"m-1\"");
          });
      assertThat(replies.get()).contains("\"status\":\"created\"");
    }
  }

  @Test
  void theWorkersLoggingSettingsApplyInDevAsInTheWorkerCommand() {
    // Given dev asked for JSON logs, a setting it passes to the worker
    try (JarProcess dev = JarProcess.start(logs, "dev", "--broker-port=0", "--sandbox-port=0", "--server.port=0",
        "--logging.structured.format.console=ecs")) {
      // When the worker is ready
      dev.awaitOutput("Ctrl-C stops everything", Duration.ofMinutes(2));

      // Then it said so in an ECS JSON line, though the sandbox in the same JVM set logging up first
      assertThat(dev.stdout().lines().filter(line -> line.contains("worker ready")).toList())
          .as(dev.toString()).singleElement()
          .satisfies(line -> assertThat(line).startsWith("{\"@timestamp\"").contains("\"service\":{\"name\":\"account-provisioner\""));
    }
  }

  @Test
  void aTakenBrokerPortIsOneLineNamingTheOptionThatPicksAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        JarProcess dev = JarProcess.start(logs, "dev", "--broker-port=" + taken.getLocalPort())) {
      assertThat(dev.waitFor(Duration.ofMinutes(1))).as(dev.toString()).isEqualTo(2);
      assertThat(dev.stderr()).contains("error: port " + taken.getLocalPort()
          + " on localhost is already in use; choose another port or stop what uses it"
          + " (--broker-port picks another)");
    }
  }

  @Test
  void devUsesTheBrokerAndTheApiGivenInTheEnvironmentAsTheWorkerDoes() throws Exception {
    int noApi = FreePorts.any();
    var environment = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
        "PROVISIONER_API_BASE_URL", "http://localhost:" + noApi);

    try (JarProcess dev = JarProcess.start(logs, environment, "dev", "--sandbox-port=" + noApi)) {
      assertThat(dev.waitFor(Duration.ofMinutes(1))).as(dev.toString()).isEqualTo(2);
      assertThat(dev.stderr()).as(dev.toString())
          .contains("error: cannot reach Kafka at spring.kafka.bootstrap-servers=localhost:1");
      assertThat(dev.stdout()).as("no sandbox started on the port the API was given")
          .doesNotContain("sandbox listening on port " + noApi);
    }
  }

  @Test
  void aBrokerPortOutOfRangeIsBadUsage() {
    CliRun run = CliRun.of("dev", "--broker-port=70000");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--broker-port must be between 0 and 65535, but was 70000");
  }


  private static void assumeKcat() {
    if (System.getenv("CI") != null) {
      assertThat(Kcat.installed()).as("kcat must be installed in CI (.ci/run installs it)").isTrue();
    }
    Assumptions.assumeTrue(Kcat.installed(), "kcat is not installed");
  }

  /** The first ```sh block after the line containing {@code marker}. */
  static String readmeBlock(String marker) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf(marker);
    assertThat(at).as("README has '%s'", marker).isNotNegative();
    int start = readme.indexOf("```sh\n", at) + "```sh\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  static List<String> shellLines(String block) {
    List<String> lines = new ArrayList<>();
    for (String line : block.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String bash(String line) throws Exception {
    Process process = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("%s\n%s", line, out).isZero();
    return out;
  }
}
