package dev.provisioner.worker;

import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.BrokerProcess;
import dev.provisioner.testing.JarProcess;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * A run of the packaged worker ({@link JarProcess}) against a broker in its own process and an
 * in-process sandbox: topics of its own, a producer of commands, a read_committed reader of
 * replies, and a worker that the test can kill, terminate and start again.
 */
final class WorkerProcessRun implements AutoCloseable {

  final String commands = TestKafka.uniqueTopic("commands");
  final String replies = TestKafka.uniqueTopic("replies");
  final String deadLetters = TestKafka.uniqueTopic("dlt");
  final BrokerProcess broker;
  final Sandbox sandbox;
  private final Path workDir;
  private final KafkaProducer<byte[], byte[]> producer;
  private final WorkerFixture.RecordReader replyReader;
  private final WorkerFixture.RecordReader deadLetterReader;
  private @Nullable JarProcess worker;
  private int starts;

  WorkerProcessRun(Path workDir, String... sandboxArgs) throws Exception {
    this.workDir = workDir;
    broker = BrokerProcess.start(workDir.resolve("broker"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(commands, replies, deadLetters).stream()
          .map(name -> new NewTopic(name, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
    }
    sandbox = Sandbox.start(sandboxArgs);
    producer = new KafkaProducer<>(producerConfig(broker.bootstrapServers()));
    replyReader = new WorkerFixture.RecordReader(broker.bootstrapServers(), replies);
    deadLetterReader = new WorkerFixture.RecordReader(broker.bootstrapServers(), deadLetters);
  }

  /**
   * Starts the packaged worker; short session and transaction timeouts make restarts quick, and
   * small batches at 8 in flight make progress steady enough to stop it halfway.
   */
  void startWorker() {
    worker = startMember(
        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "--spring.kafka.producer.properties.transaction.timeout.ms=5000");
  }

  /**
   * Starts one more worker of the run's consumer group, with the worker's own group timing
   * (session timeout, partition assignor) unless {@code groupArgs} say otherwise; the caller
   * kills or closes it.
   */
  JarProcess startMember(String... groupArgs) {
    List<String> args = new java.util.ArrayList<>(List.of("worker",
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + commands,
        "--spring.kafka.consumer.max-poll-records=200",
        "--server.port=0",
        "--provisioner.api.base-url=" + sandbox.baseUrl(),
        "--provisioner.api.key=" + WorkerFixture.API_KEY,
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + deadLetters,
        "--provisioner.topics.partitions=3",
        "--provisioner.worker.in-flight=8",
        "--provisioner.resilience.initial-backoff=50ms",
        "--provisioner.resilience.open-duration=1s"));
    args.addAll(List.of(groupArgs));
    return JarProcess.start(workDir.resolve("worker-" + ++starts), args.toArray(String[]::new));
  }

  JarProcess worker() {
    if (worker == null) {
      throw new IllegalStateException("no worker started");
    }
    return worker;
  }

  void sendAll(List<Map.Entry<String, String>> records) {
    TestClients.sendAcknowledged(producer, records.stream()
        .map(entry -> new ProducerRecord<>(commands, entry.getKey().getBytes(StandardCharsets.UTF_8),
            entry.getValue().getBytes(StandardCharsets.UTF_8)))
        .toList());
  }

  List<ConsumerRecord<byte[], byte[]>> replies() {
    return replyReader.records();
  }

  /** Distinct message IDs answered so far. */
  long answered() {
    return replies().stream().map(record -> WorkerFixture.header(record, "message-id")).distinct().count();
  }

  Figures figures(String run, int sent) {
    List<byte[]> values = replies().stream().map(ConsumerRecord::value).toList();
    return Figures.of(run, sent, values, deadLetterReader.records().size(),
        sandboxJson("/_sandbox/accounts"));
  }

  tools.jackson.databind.JsonNode sandboxJson(String path) {
    return WorkerFixture.getJson(sandbox.baseUrl() + path);
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
    replyReader.close();
    deadLetterReader.close();
    producer.close(Duration.ofSeconds(5));
    sandbox.close();
    broker.close();
  }

  private static Properties producerConfig(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }
}
