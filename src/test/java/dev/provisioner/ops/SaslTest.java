package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.cli.CliRun;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker against a broker that requires SASL/PLAIN and authorizes with ACLs, configured only
 * through {@code spring.kafka.*}: it processes a command with the right credentials and stops at
 * start with wrong ones; a reply topic its ACLs forbid does not stall it.
 * The operator tools ({@code submit}, {@code dlt}) take the same {@code --spring.kafka.*} settings.
 */
class SaslTest {

  private static final String KEY = "sk_test_saslWorkerKey2Fp7";
  private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
  private static final String LOCKED = "sasl-locked";
  private static LocalBroker broker;
  private static Sandbox sandbox;

  @BeforeAll
  static void startSaslBroker() throws Exception {
    broker = LocalBroker.builder()
        .property("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
        .property("sasl.enabled.mechanisms", "PLAIN")
        .property("sasl.mechanism.inter.broker.protocol", "PLAIN")
        .property("listener.name.plaintext.plain.sasl.jaas.config", PLAIN + " required"
            + " username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\""
            + " user_provisioner=\"provisioner-secret\";")
        .property("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .property("super.users", "User:admin;User:ANONYMOUS")
        .start();
    grantAllBut(LOCKED);
    sandbox = Sandbox.start("--sandbox.api-key=" + KEY);
  }

  /**
   * The provisioner may do anything, except write to topics named {@code prefix...}: neither
   * {@code WRITE} nor {@code DESCRIBE} (which hides them) for {@code prefix-hidden...}.
   */
  private static void grantAllBut(String prefix) throws Exception {
    String user = "User:provisioner";
    List<AclBinding> acls = new ArrayList<>();
    for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
      acls.add(acl(new ResourcePattern(type, "*", PatternType.LITERAL), user, AclOperation.ALL,
          AclPermissionType.ALLOW));
    }
    acls.add(acl(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), user,
        AclOperation.ALL, AclPermissionType.ALLOW));
    acls.add(acl(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), user, AclOperation.WRITE,
        AclPermissionType.DENY));
    acls.add(acl(new ResourcePattern(ResourceType.TOPIC, prefix + "-hidden", PatternType.PREFIXED), user,
        AclOperation.ALL, AclPermissionType.DENY));
    try (Admin admin = Admin.create(adminConfig())) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static AclBinding acl(ResourcePattern pattern, String user, AclOperation operation,
      AclPermissionType permission) {
    return new AclBinding(pattern, new AccessControlEntry(user, "*", operation, permission));
  }

  private static Properties adminConfig() {
    Properties props = clientConfig(Map.of());
    props.put(SaslConfigs.SASL_JAAS_CONFIG, PLAIN + " required username=\"admin\" password=\"admin-secret\";");
    return props;
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    broker.close();
  }

  @Test
  void theWorkerWithSaslCredentialsProcessesACommand() {
    // Given a worker configured for SASL/PLAIN with the right password
    String commands = "sasl-commands-" + UUID.randomUUID();
    String replies = "sasl-replies-" + UUID.randomUUID();
    try (ConfigurableApplicationContext worker = worker(commands, replies, "provisioner-secret")) {
      // When a command arrives
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig(Map.of(
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))) {
        producer.send(new ProducerRecord<>(commands, "m-sasl", SecretLeakIT.command("m-sasl")));
      }

      // Then its created reply is on the replies topic
      assertThat(awaitReply(replies)).contains("\"message_id\":\"m-sasl\"", "\"status\":\"created\"");
    }
  }

  @Test
  void aReplyTopicTheWorkerMayNotWriteToOrSeeGetsItsReplyOnTheRepliesTopicAndTheNextCommandsToo() throws Exception {
    // Given a worker, and two existing reply topics: one it may not write to, one it may not even see
    String commands = "sasl-acl-" + UUID.randomUUID();
    String replies = "sasl-acl-replies-" + UUID.randomUUID();
    List<String> locked = List.of(LOCKED + "-" + UUID.randomUUID(), LOCKED + "-hidden-" + UUID.randomUUID());
    try (Admin admin = Admin.create(adminConfig())) {
      admin.createTopics(locked.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList())
          .all().get(30, TimeUnit.SECONDS);
    }
    try (ConfigurableApplicationContext worker = worker(commands, replies, "provisioner-secret");
        KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig(Map.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))) {
      // When commands name them, then one names no reply topic, all with one key
      for (int i = 0; i < locked.size(); i++) {
        ProducerRecord<String, String> record = new ProducerRecord<>(commands, "k", SecretLeakIT.command("m-acl-" + i));
        record.headers().add("kafka_replyTopic", locked.get(i).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
      producer.send(new ProducerRecord<>(commands, "k", SecretLeakIT.command("m-acl-after")));

      // Then all three are answered on the replies topic, in order
      assertThat(awaitReplies(replies, 3)).satisfiesExactly(
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
    assertThat(awaitReply(commands)).contains("ACC-SASL-1");
    assertThat(run.out() + run.err()).doesNotContain("provisioner-secret");
  }

  @Test
  void dltListReadsABrokerThatRequiresSaslGivenTheSameSpringKafkaSettings() {
    // Given a dead-letter topic with one record on the SASL broker
    String deadLetters = "sasl-dlt-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig(Map.of(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))) {
      producer.send(new ProducerRecord<>(deadLetters, "k", "not json"));
    }

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
    all.addAll(List.of("--spring.kafka.security.protocol=SASL_PLAINTEXT",
        "--spring.kafka.properties.sasl.mechanism=PLAIN",
        "--spring.kafka.properties.sasl.jaas.config=" + jaas("provisioner-secret")));
    return all.toArray(String[]::new);
  }

  private static ConfigurableApplicationContext worker(String commands, String replies, String password) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--spring.kafka.security.protocol=SASL_PLAINTEXT",
        "--spring.kafka.properties.sasl.mechanism=PLAIN",
        "--spring.kafka.properties.sasl.jaas.config=" + jaas(password),
        "--spring.kafka.consumer.group-id=" + commands,
        "--server.port=0",
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + KEY,
        "--provisioner.topics.partitions=1",
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + commands + "-dlt"));
    return WorkerApplication.start(args);
  }

  private static String jaas(String password) {
    return PLAIN + " required username=\"provisioner\" password=\"" + password + "\";";
  }

  private static Properties clientConfig(Map<String, Object> extra) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("provisioner-secret"));
    props.putAll(extra);
    return props;
  }

  private static String awaitReply(String topic) {
    return awaitReplies(topic, 1).get(0);
  }

  private static List<String> awaitReplies(String topic, int count) {
    Properties props = clientConfig(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
        return values.size() >= count;
      });
    }
    return values;
  }
}
