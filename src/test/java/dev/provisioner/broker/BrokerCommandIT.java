package dev.provisioner.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.Kcat;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code broker} command of the packaged jar, as a user runs it in its own process. */
class BrokerCommandIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String READY = "^broker ready on (localhost:\\d+) \\(data in (.+)\\)$";

  @TempDir
  private Path dataDir;

  @TempDir
  private Path logs;

  @Test
  void theBrokerServesClientsOnTheGivenPortAndSaysSoInOneLine() {
    // Given
    int port = Ports.free();
    try (JarProcess broker = startBroker(port)) {
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
  void sigtermStopsTheBrokerCleanlyWithExitCode143() {
    // Given
    try (JarProcess broker = startBroker(Ports.free())) {
      // When
      int exitCode = broker.terminate(TIMEOUT);

      // Then: 143 = 128 + SIGTERM, the JVM's code once its shutdown hooks have run
      assertThat(exitCode).as(broker.toString()).isEqualTo(143);
      assertThat(broker.stderr()).as(broker.toString()).doesNotContain("Exception");
    }
  }

  @Test
  void recordsSurviveAKill9AndARestartOnTheSameDataDirectory() {
    // Given
    int port = Ports.free();
    String topic = TestKafka.uniqueTopic("jar-durable");
    try (JarProcess first = startBroker(port)) {
      TestClients.send("localhost:" + port, topic, "k", "before kill -9");

      // When
      first.kill9();
    }
    try (JarProcess second = startBroker(port)) {
      // Then
      assertThat(TestClients.readValues("localhost:" + port, topic, 1, TIMEOUT))
          .as(second.toString())
          .containsExactly("before kill -9");
    }
  }

  @Test
  void kcatListsTheBrokerAndProducesToIt() throws Exception {
    assumeTrue(Kcat.installed(), "kcat is not installed");
    // Given
    int port = Ports.free();
    String topic = TestKafka.uniqueTopic("jar-kcat");
    try (JarProcess broker = startBroker(port)) {
      // When
      Kcat.Result produced = Kcat.run("hello from kcat\n", "-b", "localhost:" + port, "-t", topic, "-P");
      Kcat.Result listed = Kcat.run("", "-b", "localhost:" + port, "-L");

      // Then
      assertThat(produced.exitCode()).as(produced.toString()).isZero();
      assertThat(listed.out()).as(listed.toString()).contains("localhost:" + port).contains(topic);
      assertThat(TestClients.readValues("localhost:" + port, topic, 1, TIMEOUT))
          .containsExactly("hello from kcat");
    }
  }

  private JarProcess startBroker(int port) {
    JarProcess broker = JarProcess.start(logs, "broker", "--port=" + port, "--data-dir=" + dataDir);
    try {
      broker.awaitOutput(READY, START);
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }
}
