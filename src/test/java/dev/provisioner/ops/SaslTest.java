package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.cli.CliRun;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker against a broker that requires SASL/PLAIN, configured only through {@code
 * spring.kafka.*}: it processes a command with the right credentials and stops at start with wrong ones.
 * The operator tools ({@code submit}, {@code dlt}) take the same {@code --spring.kafka.*} settings.
 */
class SaslTest {

  private static final String KEY = "sk_test_saslWorkerKey2Fp7";
  private static LocalBroker broker;
  private static Sandbox sandbox;

  @BeforeAll
  static void startSaslBroker() {
    broker = SecuredKafka.saslBroker().start();
    sandbox = Sandbox.start("--sandbox.api-key=" + KEY);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    broker.close();
  }

  @Test
  void theWorkerWithSaslCredentialsProcessesACommand() throws Exception {
    // Given a worker configured for SASL/PLAIN with the right password
    String commands = "sasl-commands-" + UUID.randomUUID();
    String replies = "sasl-replies-" + UUID.randomUUID();
    try (ConfigurableApplicationContext worker = worker(commands, replies, "provisioner-secret")) {
      // When a command arrives
      SecuredKafka.send(client(), commands, "m-sasl", SecretLeakIT.command("m-sasl"));

      // Then its created reply is on the replies topic
      assertThat(SecuredKafka.awaitFirst(client(), replies)).contains("\"message_id\":\"m-sasl\"", "\"status\":\"created\"");
    }
  }

  @Test
  void aWrongPasswordStopsTheWorkerAtStartWithOneLineThatDoesNotShowThePassword() {
    // Given a worker configured for SASL/PLAIN with a wrong password
    String commands = "sasl-refused-" + UUID.randomUUID();

    // When it starts, Then it stops, saying why and where, without the password
    assertThatThrownBy(() -> worker(commands, commands + "-replies", "wrong-Pa55word").close())
        .isInstanceOf(BrokerUnreachableException.class)
        .hasMessage("cannot reach Kafka at spring.kafka.bootstrap-servers=" + broker.bootstrapServers()
            + ": Authentication failed: Invalid username or password")
        .message().doesNotContain("Pa55word");
  }

  @Test
  void submitSendsToABrokerThatRequiresSaslGivenTheSameSpringKafkaSettings(@TempDir Path dir) throws IOException {
    // Given a one-row file and a commands topic on the SASL broker
    String commands = "sasl-submit-" + UUID.randomUUID();
    Path file = Files.writeString(dir.resolve("accounts.csv"),
        "external_reference,name,currency,customer.external_reference\nACC-SASL-1,Ada,ZAR,CUS-SASL-1\n");

    // When
    CliRun run = CliRun.of(withSasl("submit", file.toString(), "--bootstrap-servers=" + broker.bootstrapServers(),
        "--commands-topic=" + commands, "--no-await"));

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("1 rows: 0 invalid, 1 sent");
    assertThat(SecuredKafka.awaitFirst(client(), commands)).contains("ACC-SASL-1");
    assertThat(run.out() + run.err()).doesNotContain("provisioner-secret");
  }

  @Test
  void dltListReadsABrokerThatRequiresSaslGivenTheSameSpringKafkaSettings() throws Exception {
    // Given a dead-letter topic with one record on the SASL broker
    String deadLetters = "sasl-dlt-" + UUID.randomUUID();
    SecuredKafka.send(client(), deadLetters, "k", "not json");

    // When
    CliRun run = CliRun.of(withSasl("dlt", "list", "--bootstrap-servers=" + broker.bootstrapServers(),
        "--dlt-topic=" + deadLetters));

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("1 dead letters on " + deadLetters);
  }

  @Test
  void anOptionOfTheToolsThatIsNeitherTheirsNorASpringKafkaSettingIsBadUsageNamingItWithoutItsValue() {
    // When: a mistyped option whose value could be a password
    CliRun run = CliRun.of("dlt", "list", "--spring.kafka.bootstrap-servers=localhost:1",
        "--sasl-jaas-config=password=\"Pa55word\"");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains("--sasl-jaas-config").doesNotContain("Pa55word");
  }

  /** {@code args} with this broker's SASL settings as Spring Boot properties, as the worker takes them. */
  private static String[] withSasl(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(SecuredKafka.saslArgs("provisioner", SecuredKafka.PROVISIONER_PASSWORD));
    return all.toArray(String[]::new);
  }

  private static ConfigurableApplicationContext worker(String commands, String replies, String password) {
    List<String> args = SecuredKafka.workerArgs(broker, sandbox, KEY, commands, replies);
    args.addAll(SecuredKafka.saslArgs("provisioner", password));
    return WorkerApplication.start(args);
  }

  /** A client with the right SASL credentials. */
  private static Properties client() {
    return SecuredKafka.saslClient(broker, "provisioner", SecuredKafka.PROVISIONER_PASSWORD);
  }
}
