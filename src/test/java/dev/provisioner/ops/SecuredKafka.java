package dev.provisioner.ops;

import static org.awaitility.Awaitility.await;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test clients and worker settings for a broker that requires security (SASL, TLS). */
final class SecuredKafka {

  static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
  /** The worker's user on {@link #saslBroker()}. */
  static final String PROVISIONER_PASSWORD = "provisioner-secret";

  private SecuredKafka() {
  }

  /** A broker that requires SASL/PLAIN: users {@code admin} and {@code provisioner}. */
  static LocalBroker.Builder saslBroker() {
    return LocalBroker.builder()
        .property("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
        .property("sasl.enabled.mechanisms", "PLAIN")
        .property("sasl.mechanism.inter.broker.protocol", "PLAIN")
        .property("listener.name.plaintext.plain.sasl.jaas.config", PLAIN + " required"
            + " username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\""
            + " user_provisioner=\"" + PROVISIONER_PASSWORD + "\";");
  }

  /** {@link #saslBroker()} with ACLs: only {@code admin} (and the controller) may do anything unless granted. */
  static LocalBroker.Builder aclBroker() {
    return saslBroker()
        .property("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .property("super.users", "User:admin;User:ANONYMOUS");
  }

  /** Adds ACL entries for {@code User:provisioner}, as {@code admin}. */
  static void grant(LocalBroker broker, List<AclBinding> acls) throws Exception {
    try (Admin admin = Admin.create(saslClient(broker, "admin", "admin-secret"))) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** An ACL entry for {@code User:provisioner} from any host. */
  static AclBinding provisioner(ResourcePattern resource, AclOperation operation, AclPermissionType permission) {
    return new AclBinding(resource, new AccessControlEntry("User:provisioner", "*", operation, permission));
  }

  static String jaas(String user, String password) {
    return PLAIN + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  /** The worker's SASL settings as Spring Boot properties. */
  static List<String> saslArgs(String user, String password) {
    return List.of("--spring.kafka.security.protocol=SASL_PLAINTEXT",
        "--spring.kafka.properties.sasl.mechanism=PLAIN",
        "--spring.kafka.properties.sasl.jaas.config=" + jaas(user, password));
  }

  /** A client of {@link #saslBroker()} as {@code user}. */
  static Properties saslClient(LocalBroker broker, String user, String password) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
    return props;
  }

  /** The worker's settings for its own topics on {@code broker}, besides the security ones. */
  static List<String> workerArgs(LocalBroker broker, Sandbox sandbox, String apiKey, String commands,
      String replies) {
    return new ArrayList<>(List.of(
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + commands,
        "--server.port=0",
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + apiKey,
        "--provisioner.topics.partitions=1",
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + commands + "-dlt"));
  }

  /** Sends one record with the security settings in {@code client}, and waits for it. */
  static void send(Properties client, String topic, String key, String value) throws Exception {
    Properties props = with(client, Map.of(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** The first committed record's value on {@code topic}, within 90 s. */
  static String awaitFirst(Properties client, String topic) {
    return awaitValues(client, topic, 1).get(0);
  }

  /** At least the first {@code count} committed records' values on {@code topic}, within 90 s. */
  static List<String> awaitValues(Properties client, String topic, int count) {
    Properties props = with(client, Map.of(
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

  private static Properties with(Properties client, Map<String, Object> extra) {
    Properties props = new Properties();
    props.putAll(client);
    props.putAll(extra);
    return props;
  }
}
