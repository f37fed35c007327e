package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.Kcat;
import dev.provisioner.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's kcat command sets {@code partitioner=murmur2_random} so that a key lands on the
 * partition Java clients (submit, dlt replay) choose; without it, kcat's default hashes elsewhere.
 */
class KcatPartitionerTest {

  private static final int PARTITIONS = 6;
  private static final Pattern DELIVERED = Pattern.compile("delivered to partition (\\d+)");

  @Test
  void kcatWithTheReadmesPartitionerPutsEachKeyWhereTheJavaProducerDoes() throws Exception {
    Assumptions.assumeTrue(Kcat.installed() || System.getenv("CI") != null, "kcat is not installed");
    // Given
    String topic = TestKafka.uniqueTopic("partitioner");
    TestKafka.createTopics(PARTITIONS, topic);
    int differentByDefault = 0;
    try (KafkaProducer<byte[], byte[]> java = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      for (int i = 0; i < 20; i++) {
        String key = "ACC-" + i;
        int javaPartition = java.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS).partition();

        // When
        int readme = kcatPartition(topic, key, "-X", "partitioner=murmur2_random");
        int plain = kcatPartition(topic, key);

        // Then
        assertThat(readme).as("partition of %s with the README's kcat command", key).isEqualTo(javaPartition);
        differentByDefault += plain == javaPartition ? 0 : 1;
      }
    }
    assertThat(differentByDefault).as("keys kcat's default partitioner puts elsewhere").isPositive();
  }

  /** Produces one record with kcat and returns the partition its delivery report names. */
  private static int kcatPartition(String topic, String key, String... extra) {
    String[] base = {"-P", "-b", TestKafka.bootstrapServers(), "-t", topic, "-k", key, "-v", "-v"};
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Kcat.Result result = Kcat.run("{}\n", args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    Matcher partition = DELIVERED.matcher(result.err() + result.out());
    assertThat(partition.find()).as("kcat's delivery report in " + result).isTrue();
    return Integer.parseInt(partition.group(1));
  }
}
