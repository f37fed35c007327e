package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key never leaves the worker: the packaged worker runs with known keys through created,
 * rejected, failed (outage, given up), refused (401) and bad-setting paths (the key refused, or a
 * refused base URL holding it as user info), and then all of its output, its replies and its dead
 * letters (values and headers), and every actuator endpoint ({@code env} and {@code configprops}
 * exposed too, showing values), are searched for each key. The worker logs in ECS JSON, as in
 * {@code docker-compose.yml}.
 */
class SecretLeakIT {

  private static final String KEY = "sk_test_leakCheckKey5Zq8Wn3Rt";
  private static final String WRONG_KEY = "sk_test_wrongLeakKey7Hd2Mp9Xc";
  private static final String LIVE_KEY = "sk_live_leakCheckLive4Gy6Vb1";
  private static final String PUBLIC_KEY = "pk_test_leakCheckPublic8Ja3";
  private static final String NO_API = "http://localhost:9";

  @TempDir
  private static Path logs;
  private static final List<String> output = new ArrayList<>();
  private static String structuredLog = "";

  @BeforeAll
  static void runEveryPath() throws Exception {
    try (Sandbox sandbox = Sandbox.start("--sandbox.api-key=" + KEY)) {
      // Given a worker with the right key
      Topics good = new Topics("leak");
      Topics refused = new Topics("leak-refused");
      try (JarProcess worker = worker(sandbox, good, KEY)) {
        // When commands are created, rejected, and given up on during an outage
        send(good, "m-created", command("m-created"));
        send(good, "m-invalid", "{\"message_id\": \"m-invalid\", \"account\": {}}");
        awaitCount(good.replies, 2, worker);
        admin(sandbox, "POST", "{\"seconds\": 120, \"mode\": \"refuse\"}");
        send(good, "m-failed", command("m-failed"));
        awaitCount(good.replies, 3, worker);
        admin(sandbox, "DELETE", "");
        // and every actuator endpoint is read, all of them exposed, env and configprops showing values
        output.add(actuatorEndpoints(worker));
        structuredLog = worker.stdout();
        output.add(worker.stdout() + worker.stderr());
      }
      // and a worker whose key the API refuses gets a command
      try (JarProcess denied = worker(sandbox, refused, WRONG_KEY)) {
        send(refused, "m-refused", command("m-refused"));
        denied.awaitOutput("consumption stopped", Duration.ofSeconds(150));
        output.add(denied.stdout() + denied.stderr());
      }
      output.add(TopicDump.text(TestKafka.bootstrapServers(), good.replies));
      output.add(TopicDump.text(TestKafka.bootstrapServers(), good.deadLetters));
      output.add(TopicDump.text(TestKafka.bootstrapServers(), refused.deadLetters));
      output.add(TopicDump.text(TestKafka.bootstrapServers(), refused.replies));
    }
    // and the worker is started with keys its settings refuse, and with the key in the user info
    // of a base URL it refuses: one whose host Java cannot read, one Java cannot parse
    output.add(badStart(NO_API, LIVE_KEY));
    output.add(badStart(NO_API, PUBLIC_KEY));
    output.add(badStart("https://" + KEY + "@api_moment.io", KEY));
    output.add(badStart("https://user:" + KEY + "@[::1", KEY));
  }

  @Test
  void noKeyAppearsInAnyLogReplyOrDeadLetterOnAnyPath() {
    // Given the worker ran created, rejected, failed, refused and bad-setting paths (above)
    // When all its output, replies and dead letters are searched
    // Then every path happened, and no key appears anywhere
    String all = String.join("\n", output);
    assertThat(all).contains("\"value\":\"******\"", "\"value\":\"50ms\"", "\"configprops\"", "\"threads\"",
        "provisioner_commands_total", "\"status\":\"created\"", "\"status\":\"rejected\"", "\"status\":\"failed\"",
        "consumption stopped", "provisioner.api.allow-live-key", "public key",
        "but was 'https://****@api_moment.io'", "but was 'https://****@[::1'");
    assertThat(all).doesNotContain(KEY, WRONG_KEY, LIVE_KEY, PUBLIC_KEY);
  }

  @Test
  void structuredLogsCarryTheCommandsCoordinatesAndNoBody() {
    // Given the worker ran with ECS structured logs (above)
    // When its log events about the created command are read
    List<String> created = structuredLog.lines().filter(line -> line.contains("\"message_id\":\"m-created\""))
        .toList();

    // Then they are JSON carrying message ID, idempotency key, partition and offset, and no body
    assertThat(created).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{")
        .contains("\"idempotency_key\":\"", "\"kafka_partition\":\"", "\"kafka_offset\":\"")
        .doesNotContain("Leak Check", "external_reference"));
  }

  private static String badStart(String baseUrl, String key) {
    try (JarProcess bad = JarProcess.start(logs, "worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--provisioner.api.base-url=" + baseUrl, "--provisioner.api.key=" + key)) {
      assertThat(bad.waitFor(Duration.ofSeconds(60))).as(bad.toString()).isEqualTo(2);
      return bad.stdout() + bad.stderr();
    }
  }

  /** Each endpoint the actuator lists but a templated one, and two settings' entries in env. */
  private static String actuatorEndpoints(JarProcess worker) throws Exception {
    String port = worker.awaitOutput("health on port (\\d+)", Duration.ofSeconds(5)).group(1);
    String index = get("http://localhost:" + port + "/actuator");
    List<String> bodies = new ArrayList<>(List.of(index,
        get("http://localhost:" + port + "/actuator/env/provisioner.api.key"),
        get("http://localhost:" + port + "/actuator/env/provisioner.resilience.initial-backoff")));
    Matcher link = Pattern.compile("\"href\":\"([^\"]+)\",\"templated\":false").matcher(index);
    while (link.find()) {
      bodies.add(get(link.group(1)));
    }
    return String.join("\n", bodies);
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static JarProcess worker(Sandbox sandbox, Topics topics, String key) {
    return JarProcess.start(logs, "worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + topics.commands,
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + key,
        "--provisioner.topics.commands=" + topics.commands,
        "--provisioner.topics.replies=" + topics.replies,
        "--provisioner.topics.dead-letters=" + topics.deadLetters,
        "--provisioner.topics.partitions=2",
        "--provisioner.resilience.max-attempts=2",
        "--provisioner.resilience.initial-backoff=50ms",
        "--logging.level.dev.provisioner=DEBUG",
        "--management.endpoints.web.exposure.include=*",
        "--management.endpoint.env.show-values=always",
        "--management.endpoint.configprops.show-values=always",
        "--logging.structured.format.console=ecs");
  }

  private static void send(Topics topics, String key, String value) {
    TestClients.send(TestKafka.bootstrapServers(), topics.commands, key, value);
  }

  private static void awaitCount(String topic, int count, JarProcess worker) {
    await("" + count + " records on " + topic + " from " + worker).atMost(Duration.ofSeconds(150))
        .until(() -> TopicDump.records(TestKafka.bootstrapServers(), topic).size() >= count);
  }

  private static void admin(Sandbox sandbox, String method, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/outage"))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static String command(String messageId) {
    return """
        {"message_id": "%s", "account": {"external_reference": "ext-%s", "name": "Leak Check",
         "currency": "ZAR", "balance": 0, "customer": {"external_reference": "cus-%s", "name": "Ada"}}}"""
        .formatted(messageId, messageId, messageId);
  }

  /** Topics of one worker, unique to this test. */
  private static final class Topics {
    final String commands;
    final String replies;
    final String deadLetters;

    Topics(String prefix) {
      commands = TestKafka.uniqueTopic(prefix + "-commands");
      replies = TestKafka.uniqueTopic(prefix + "-replies");
      deadLetters = TestKafka.uniqueTopic(prefix + "-dlt");
      TestKafka.createTopics(2, commands, replies, deadLetters);
    }
  }
}
