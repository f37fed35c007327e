package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker against a broker with ACLs, as in production: a consumer group the worker may not
 * use yet shows in its health with Kafka's reason, and once an operator grants it, the worker
 * consumes without a restart.
 */
class KafkaAclTest {

  private static final String KEY = "sk_test_aclWorkerKey5Vn2";
  private static LocalBroker broker;
  private static Sandbox sandbox;

  @BeforeAll
  static void startBrokerWithAcls() {
    broker = SecuredKafka.aclBroker().start();
    sandbox = Sandbox.start("--sandbox.api-key=" + KEY);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    broker.close();
  }

  @Test
  void aGroupTheWorkerMayNotUseShowsInItsHealthAndOnceGrantedTheWorkerConsumes() throws Exception {
    // Given the worker may use its topics and transactions, but not yet its consumer group
    String run = UUID.randomUUID().toString().substring(0, 8);
    String commands = "acl-commands-" + run;
    String replies = "acl-replies-" + run;
    String group = commands; // the worker's group in SecuredKafka.workerArgs
    grant(new ResourcePattern(ResourceType.TOPIC, "acl-", PatternType.PREFIXED), AclOperation.ALL);
    grant(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "acl-tx-", PatternType.PREFIXED), AclOperation.ALL);
    grant(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.DESCRIBE);
    List<String> args = SecuredKafka.workerArgs(broker, sandbox, KEY, commands, replies);
    args.addAll(SecuredKafka.saslArgs("provisioner", SecuredKafka.PROVISIONER_PASSWORD));
    args.add("--spring.kafka.producer.transaction-id-prefix=acl-tx-" + run + "-");
    try (ConfigurableApplicationContext worker = WorkerApplication.start(args)) {
      String port = worker.getEnvironment().getProperty("local.server.port");

      // When it starts, Then its health is DOWN, naming Kafka's refusal
      JsonNode refused = await().atMost(Duration.ofSeconds(60)).until(() -> health(port),
          health -> "DOWN".equals(health.path("components").path("workerStatus").path("status").asString()));
      assertThat(refused.path("status").asString()).isEqualTo("DOWN");
      assertThat(refused.path("components").path("workerStatus").path("details").path("reason").asString())
          .as(refused.toString()).startsWith("Kafka refused the consumer (AUTHORIZATION)");

      // When the operator grants the group
      grant(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), AclOperation.READ);
      SecuredKafka.send(admin(), commands, "m-acl", SecretLeakIT.command("m-acl"));

      // Then the worker consumes without a restart, and its health is UP again
      assertThat(SecuredKafka.awaitFirst(admin(), replies)).contains("\"message_id\":\"m-acl\"", "\"status\":\"created\"");
      await().atMost(Duration.ofSeconds(30)).until(() -> health(port),
          health -> "UP".equals(health.path("components").path("workerStatus").path("status").asString()));
    }
  }

  private static JsonNode health(String port) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
    return JsonMapper.builder().build().readTree(response.body());
  }

  private static void grant(ResourcePattern resource, AclOperation operation) throws Exception {
    SecuredKafka.grant(broker, List.of(SecuredKafka.provisioner(resource, operation, AclPermissionType.ALLOW)));
  }

  private static Properties admin() {
    return SecuredKafka.saslClient(broker, "admin", "admin-secret");
  }
}
