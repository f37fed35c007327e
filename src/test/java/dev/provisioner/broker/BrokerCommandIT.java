package dev.provisioner.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provisioner.testing.BrokerProcess;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.Kcat;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code broker} command of the packaged jar, as a user runs it, in its own process. */
class BrokerCommandIT {

  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  private Path workDir;

  @Test
  void theBrokerServesClientsOnTheGivenPortAndSaysSoInOneLine() {
    // Given
    int port = Ports.free();
    Path dataDir = workDir.resolve("data");
    try (JarProcess broker = JarProcess.start(workDir, "broker", "--port=" + port,
        "--data-dir=" + dataDir)) {
      broker.awaitOutput(BrokerProcess.READY, START);

      // When
      String topic = TestKafka.uniqueTopic("jar-round-trip");
      TestClients.send("localhost:" + port, topic, "k", "through the jar");

      // Then
      assertThat(TestClients.readValues("localhost:" + port, topic, 1, TIMEOUT))
          .containsExactly("through the jar");
      assertThat(broker.stdout()).as(broker.toString())
          .contains("broker ready on localhost:" + port + " (data in " + dataDir.toAbsolutePath() + ")");
    }
  }

  @Test
  void loggingLevelShowsKafkasOwnInfoLogsAsInTheOtherCommands() {
    // Given: without it, the broker shows only warnings
    try (JarProcess broker = JarProcess.start(workDir, "broker", "--port=0",
        "--data-dir=" + workDir.resolve("data"), "--logging.level.kafka=INFO")) {
      // When
      broker.awaitOutput(BrokerProcess.READY, START);

      // Then
      assertThat(broker.stdout().lines()).as(broker.toString())
          .anyMatch(line -> line.contains(" INFO ") && line.contains("kafka."));
    }
  }

  @Test
  void sigtermStopsTheBrokerCleanlyWithExitCode143() {
    // Given
    try (BrokerProcess broker = BrokerProcess.start(workDir)) {
      // When
      int exitCode = broker.terminate();

      // Then: 143 = 128 + SIGTERM, the JVM's code once the shutdown hook has closed the broker
      assertThat(exitCode).as(broker.toString()).isEqualTo(143);
      assertThat(broker.process().stdout()).as(broker.toString()).contains("stopped in");
    }
  }

  @Test
  void recordsSurviveAKill9AndARestartOnTheSameDataDirectory() {
    // Given
    String topic = TestKafka.uniqueTopic("jar-durable");
    try (BrokerProcess broker = BrokerProcess.start(workDir)) {
      TestClients.send(broker.bootstrapServers(), topic, "k", "before kill -9");

      // When
      broker.kill9();
      broker.restart();

      // Then
      assertThat(TestClients.readValues(broker.bootstrapServers(), topic, 1, TIMEOUT))
          .as(broker.toString())
          .containsExactly("before kill -9");
    }
  }

  @Test
  void kcatListsTheBrokerAndRoundTripsARecord() {
    assumeTrue(Kcat.installed(), "kcat is not installed");
    // Given
    String topic = TestKafka.uniqueTopic("jar-kcat");
    try (BrokerProcess broker = BrokerProcess.start(workDir)) {
      String servers = broker.bootstrapServers();

      // When
      Kcat.Result produced = Kcat.run("hello from kcat\n", "-b", servers, "-t", topic, "-P");
      Kcat.Result consumed = Kcat.run("", "-b", servers, "-t", topic, "-C", "-o", "beginning", "-e", "-q");
      Kcat.Result listed = Kcat.run("", "-b", servers, "-L");

      // Then
      assertThat(produced.exitCode()).as(produced.toString()).isZero();
      assertThat(consumed.out()).as(consumed.toString()).isEqualTo("hello from kcat\n");
      assertThat(listed.out()).as(listed.toString()).contains("broker 1 at " + servers).contains(topic);
    }
  }
}
