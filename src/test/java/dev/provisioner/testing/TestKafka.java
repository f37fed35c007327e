package dev.provisioner.testing;

import dev.provisioner.broker.LocalBroker;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka broker that the integration tests of a test JVM share.
 *
 * <p>A Testcontainers {@code apache/kafka} container when Docker is available, else an
 * in-process {@link LocalBroker}; {@code -Dprovisioner.test.kafka=in-process} or {@code
 * =container} forces one. Started on first use, stopped when the JVM exits. Tests never share
 * topics: each names its own with {@link #uniqueTopic(String)}.
 */
public final class TestKafka {

  /** The image of the container broker, pinned so that runs are repeatable. */
  public static final String IMAGE = "apache/kafka:4.1.1";
  public static final String MODE_PROPERTY = "provisioner.test.kafka";

  private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
  private static volatile @Nullable String bootstrapServers;

  private TestKafka() {
  }

  /** The shared broker's {@code bootstrap.servers}, starting it on first call. */
  public static String bootstrapServers() {
    String servers = bootstrapServers;
    if (servers == null) {
      synchronized (TestKafka.class) {
        if (bootstrapServers == null) {
          bootstrapServers = startBroker();
        }
        servers = bootstrapServers;
      }
    }
    return servers;
  }

  /** A topic name no other test uses: {@code prefix-} and eight random hex digits. */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates the topics with replication factor 1 and waits until the broker has them. */
  public static void createTopics(int partitions, String... names) {
    List<NewTopic> topics = Arrays.stream(names)
        .map(name -> new NewTopic(name, partitions, (short) 1))
        .toList();
    try (Admin admin = admin()) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + Arrays.toString(names), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + Arrays.toString(names), e);
    }
  }

  /** An admin client on the shared broker; the caller closes it. */
  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private static String startBroker() {
    String mode = System.getProperty(MODE_PROPERTY, "");
    boolean container = switch (mode) {
      case "container" -> true;
      case "in-process" -> false;
      default -> DockerClientFactory.instance().isDockerAvailable();
    };
    return container ? startContainer() : startInProcess();
  }

  private static String startInProcess() {
    LocalBroker broker = LocalBroker.start(0, null);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
    log.info("tests use the in-process broker on {}", broker.bootstrapServers());
    return broker.bootstrapServers();
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer(IMAGE);
    kafka.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
    log.info("tests use the {} container on {}", IMAGE, kafka.getBootstrapServers());
    return kafka.getBootstrapServers();
  }
}
