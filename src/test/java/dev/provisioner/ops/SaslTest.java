package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.cli.CliRun;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker against a broker that requires SASL/PLAIN and has ACLs, configured only through {@code
 * spring.kafka.*}: it processes a command with the right credentials and stops at start with wrong
 * ones; a reply topic its ACLs forbid does not stall it.
 * The operator tools ({@code submit}, {@code dlt}) take the same {@code --spring.kafka.*} settings.
 */
class SaslTest {

  private static final String KEY = "sk_test_saslWorkerKey2Fp7";
  private static final String LOCKED = "sasl-locked";
  private static LocalBroker broker;
  private static Sandbox sandbox;

  @BeforeAll
  static void startSaslBroker() throws Exception {
    broker = SecuredKafka.aclBroker().start();
    grantAllBut(LOCKED);
    sandbox = Sandbox.start("--sandbox.api-key=" + KEY);
  }

  /**
   * The provisioner may do anything, except write to topics named {@code prefix...}: neither
   * {@code WRITE} nor {@code DESCRIBE} (which hides them) for {@code prefix-hidden...}.
   */
  private static void grantAllBut(String prefix) throws Exception {
    List<AclBinding> acls = new ArrayList<>();
    for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
      acls.add(SecuredKafka.provisioner(new ResourcePattern(type, "*", PatternType.LITERAL), AclOperation.ALL,
          AclPermissionType.ALLOW));
    }
    acls.add(SecuredKafka.provisioner(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
        AclOperation.ALL, AclPermissionType.ALLOW));
    acls.add(SecuredKafka.provisioner(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED),
        AclOperation.WRITE, AclPermissionType.DENY));
    acls.add(SecuredKafka.provisioner(new ResourcePattern(ResourceType.TOPIC, prefix + "-hidden", PatternType.PREFIXED),
        AclOperation.ALL, AclPermissionType.DENY));
    SecuredKafka.grant(broker, acls);
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
  void aReplyTopicTheWorkerMayNotWriteToOrSeeGetsItsReplyOnTheRepliesTopicAndTheNextCommandsToo() throws Exception {
    // Given a worker, and two existing reply topics: one it may not write to, one it may not even see
    String commands = "sasl-acl-" + UUID.randomUUID();
    String replies = "sasl-acl-replies-" + UUID.randomUUID();
    List<String> locked = List.of(LOCKED + "-" + UUID.randomUUID(), LOCKED + "-hidden-" + UUID.randomUUID());
    try (Admin admin = Admin.create(SecuredKafka.saslClient(broker, "admin", "admin-secret"))) {
      admin.createTopics(locked.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList())
          .all().get(30, TimeUnit.SECONDS);
    }
    try (ConfigurableApplicationContext worker = worker(commands, replies, "provisioner-secret");
        KafkaProducer<String, String> producer = new KafkaProducer<>(client(), new StringSerializer(),
            new StringSerializer())) {
      // When commands name them, then one names no reply topic, all with one key
      for (int i = 0; i < locked.size(); i++) {
        ProducerRecord<String, String> record = new ProducerRecord<>(commands, "k", SecretLeakIT.command("m-acl-" + i));
        record.headers().add("kafka_replyTopic", locked.get(i).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
      }
      producer.send(new ProducerRecord<>(commands, "k", SecretLeakIT.command("m-acl-after"))).get();

      // Then all three are answered on the replies topic, in order
      assertThat(SecuredKafka.awaitValues(client(), replies, 3)).satisfiesExactly(
          reply -> assertThat(reply).contains("\"message_id\":\"m-acl-0\"", "\"status\":\"created\""),
          reply -> assertThat(reply).contains("\"message_id\":\"m-acl-1\"", "\"status\":\"created\""),
          reply -> assertThat(reply).contains("\"message_id\":\"m-acl-after\"", "\"status\":\"created\""));
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
  void submitSendsToABrokerThatRequiresSaslGivenTheSameSpringKafkaSettings(@TempDir Path dir) throws Exception {
    // Given a one-row file and a commands topic on the SASL broker
    String commands = "sasl-submit-" + UUID.randomUUID();
    try (Admin admin = Admin.create(SecuredKafka.saslClient(broker, "admin", "admin-secret"))) {
      admin.createTopics(List.of(new NewTopic(commands, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
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
