package dev.provisioner.ops;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import dev.provisioner.worker.WorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A sandbox and the worker in this JVM on topics of their own, with its HTTP port to scrape. */
final class InProcessWorker implements AutoCloseable {

  static final String API_KEY = "sk_test_opsWorkerKey3Lm8Qz";

  final String commands = TestKafka.uniqueTopic("ops-commands");
  final String replies = TestKafka.uniqueTopic("ops-replies");
  final String deadLetters = TestKafka.uniqueTopic("ops-dlt");
  final Sandbox sandbox;
  final ConfigurableApplicationContext worker;

  InProcessWorker(String... extraArgs) {
    TestKafka.createTopics(2, commands, replies, deadLetters);
    sandbox = Sandbox.start("--sandbox.api-key=" + API_KEY);
    List<String> args = new ArrayList<>(List.of(
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + commands,
        "--server.port=0",
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + API_KEY,
        "--provisioner.topics.partitions=2",
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + deadLetters));
    args.addAll(List.of(extraArgs));
    worker = WorkerApplication.start(args);
  }

  void send(String key, String value) {
    TestClients.send(TestKafka.bootstrapServers(), commands, key, value);
  }

  void awaitReplies(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(90))
        .until(() -> TopicDump.records(TestKafka.bootstrapServers(), replies).size() >= count);
  }

  int port() {
    return ((WebServerApplicationContext) worker).getWebServer().getPort();
  }

  String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  static String command(String messageId) {
    return SecretLeakIT.command(messageId);
  }

  @Override
  public void close() {
    worker.close();
    sandbox.close();
  }
}
