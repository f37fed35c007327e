package dev.provisioner.worker;


import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real worker in-process against the test broker and a real sandbox, on topics of its own;
 * with a producer for commands and readers of replies and dead letters (read_committed).
 */
public final class WorkerFixture implements AutoCloseable {

  public static final String API_KEY = "sk_test_fixtureKey4eC39HqLyjWDarjtT1zdp7dc";
  public static final JsonMapper JSON = JsonMapper.builder().build();

  public final String commands = TestKafka.uniqueTopic("commands");
  public final String replies = TestKafka.uniqueTopic("replies");
  public final String deadLetters = TestKafka.uniqueTopic("dlt");
  public final Sandbox sandbox;
  public final ConfigurableApplicationContext worker;
  private final KafkaProducer<byte[], byte[]> producer;
  private final RecordReader replyReader;
  private final RecordReader deadLetterReader;
  private final List<String> workerArgs;

  public WorkerFixture(String... extraArgs) {
    this(List.of(), extraArgs);
  }

  /** A worker with {@code extraArgs}, against a sandbox started with {@code sandboxArgs}. */
  public WorkerFixture(List<String> sandboxArgs, String... extraArgs) {
    this(sandboxArgs, UnaryOperator.identity(), extraArgs);
  }

  /** As above, the worker's {@code provisioner.api.base-url} made from the sandbox's by {@code baseUrl}. */
  public WorkerFixture(List<String> sandboxArgs, UnaryOperator<String> baseUrl, String... extraArgs) {
    TestKafka.createTopics(3, commands, replies, deadLetters);
    sandbox = Sandbox.start(sandboxArgs.toArray(String[]::new));
    List<String> args = new ArrayList<>(List.of(
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + commands,
        "--server.port=0",
        "--provisioner.api.base-url=" + baseUrl.apply(sandbox.baseUrl().toString()),
        "--provisioner.api.key=" + API_KEY,
        "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + replies,
        "--provisioner.topics.dead-letters=" + deadLetters));
    args.addAll(List.of(extraArgs));
    workerArgs = List.copyOf(args);
    worker = WorkerApplication.start(args);
    producer = new KafkaProducer<>(producerConfig());
    replyReader = new RecordReader(replies);
    deadLetterReader = new RecordReader(deadLetters);
  }

  public void send(String key, String value, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(commands,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
    TestClients.sendAcknowledged(producer, List.of(record));
  }

  public void send(String key, String value) {
    send(key, value, Map.of());
  }

  /** Sends a record built by the test (repeated or binary headers) to the commands topic. */
  public void send(ProducerRecord<byte[], byte[]> record) {
    TestClients.sendAcknowledged(producer, List.of(record));
  }

  /** A record for the commands topic with {@code key} and {@code value}, no headers yet. */
  public ProducerRecord<byte[], byte[]> record(String key, String value) {
    return new ProducerRecord<>(commands, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends records built by the test, in order, and flushes once. */
  void sendRecords(List<ProducerRecord<byte[], byte[]>> records) {
    TestClients.sendAcknowledged(producer, records);
  }

  /**
   * Starts another worker with this fixture's settings, in the same consumer group (a restart
   * after {@link #worker} or an earlier one was closed); the caller closes it.
   */
  ConfigurableApplicationContext startAnotherWorker() {
    return WorkerApplication.start(workerArgs);
  }

  /** Sends many records (key, value) and flushes once. */
  void sendAll(List<Map.Entry<String, String>> records) {
    TestClients.sendAcknowledged(producer, records.stream()
        .map(entry -> new ProducerRecord<>(commands, entry.getKey().getBytes(StandardCharsets.UTF_8),
            entry.getValue().getBytes(StandardCharsets.UTF_8)))
        .toList());
  }

  List<ConsumerRecord<byte[], byte[]>> allDeadLetters() {
    return deadLetterReader.records();
  }

  /** The worker's management port (health, metrics). */
  int port() {
    return Integer.parseInt(worker.getEnvironment().getProperty("local.server.port", "0"));
  }

  /** Sends an admin request to the sandbox ({@code /_sandbox/...}); returns the answer's JSON. */
  JsonNode sandboxAdmin(String method, String path, String body) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** GETs {@code url} (e.g. the worker's health) and returns its JSON. */
  static JsonNode getJson(String url) {
    return JSON.readTree(getText(url));
  }

  /** GETs {@code url} and returns its body. */
  static String getText(String url) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The replies whose message-id header is {@code messageId}, once {@code count} have arrived. */
  public List<ConsumerRecord<byte[], byte[]>> awaitReplies(String messageId, int count) {
    return replyReader.await(record -> messageId.equals(header(record, "message-id")), count);
  }

  public JsonNode awaitReply(String messageId) {
    return value(awaitReplies(messageId, 1).get(0));
  }

  public List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which,
      int count) {
    return deadLetterReader.await(which, count);
  }

  public List<ConsumerRecord<byte[], byte[]>> allReplies() {
    return replyReader.records();
  }

  public long accountCount() {
    return sandboxJson("/_sandbox/accounts/count").path("count").asLong();
  }

  public JsonNode sandboxJson(String path) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  public static JsonNode value(ConsumerRecord<byte[], byte[]> record) {
    return JSON.readTree(record.value());
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static String command(String messageId, String externalReference) {
    return command(messageId, externalReference, "cus-" + externalReference);
  }

  /** A command whose account creates a new customer with {@code customerReference}. */
  public static String command(String messageId, String externalReference, String customerReference) {
    return """
        {"message_id": "%s", "account": {"external_reference": "%s", "name": "Subscription Account",
         "currency": "ZAR", "balance": 2000, "customer": {"external_reference": "%s", "name": "Ada"},
         "metadata": {"plan": "monthly"}}}""".formatted(messageId, externalReference, customerReference);
  }

  private static Properties producerConfig() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  @Override
  public void close() {
    replyReader.close();
    deadLetterReader.close();
    producer.close(Duration.ofSeconds(5));
    worker.close();
    sandbox.close();
  }

  /** Reads a topic from the start in a background thread, read_committed, keeping every record. */
  static final class RecordReader implements AutoCloseable {
    private final List<ConsumerRecord<byte[], byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RecordReader(String topic) {
      this(TestKafka.bootstrapServers(), topic);
    }

    RecordReader(String bootstrapServers, String topic) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
      consumer.subscribe(List.of(topic));
      thread = new Thread(() -> {
        try (consumer) {
          while (running) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
          }
        }
      }, "reader-" + topic);
      thread.setDaemon(true);
      thread.start();
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
      return List.copyOf(records);
    }

    List<ConsumerRecord<byte[], byte[]>> await(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which,
        int count) {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> records.stream().filter(which).count() >= count);
      return records.stream().filter(which).toList();
    }

    @Override
    public void close() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
