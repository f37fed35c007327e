package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.TestClients;
import dev.provisioner.testing.TestKafka;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer-lag series a Prometheus scrape shows follow the partitions a consumer has: one it
 * lost goes away, rather than staying as {@code NaN} until the partition comes back (as it did
 * while the worker renamed the series with a {@code MeterFilter}, whose new name Micrometer's Kafka
 * binder cannot see when it removes a series).
 */
class ConsumerLagSeriesTest {

  private static final Pattern PARTITION = Pattern.compile("partition=\"(\\d+)\"");

  @Test
  void theLagSeriesOfAPartitionTheConsumerLostGoesAway() {
    // Given a consumer of partitions 0 and 1, its metrics bound as the worker's are, refreshed often
    String topic = TestKafka.uniqueTopic("lag-series");
    TestKafka.createTopics(2, topic);
    try (KafkaProducer<String, String> producer = TestClients.producer(TestKafka.bootstrapServers())) {
      TestClients.sendAcknowledged(producer, List.of(new ProducerRecord<>(topic, 0, "k", "v0"),
          new ProducerRecord<>(topic, 1, "k", "v1")));
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WorkerMetrics.consumerLagName().customize(registry);
    ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "lag-" + UUID.randomUUID(),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(), refresh, Duration.ofMillis(100))) {
      metrics.bindTo(registry);
      consumer.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
      await("a lag series for both partitions").atMost(Duration.ofSeconds(30))
          .until(() -> pollAndSeeLagOf(consumer, registry), partitions -> partitions.equals(Set.of("0", "1")));

      // When it loses partition 1
      consumer.assign(List.of(new TopicPartition(topic, 0)));

      // Then only partition 0's series is left, and it is a number (all read: lag 0)
      await("partition 1's series gone").atMost(Duration.ofSeconds(30))
          .until(() -> pollAndSeeLagOf(consumer, registry), partitions -> partitions.equals(Set.of("0")));
      assertThat(registry.scrape()).containsPattern("provisioner_consumer_lag\\{[^}]*partition=\"0\"[^}]*} 0.0");
    } finally {
      refresh.shutdownNow();
    }
  }

  /** The partitions a Prometheus scrape shows a {@code provisioner_consumer_lag} series of. */
  private static Set<String> pollAndSeeLagOf(KafkaConsumer<String, String> consumer,
      PrometheusMeterRegistry registry) {
    consumer.poll(Duration.ofMillis(100));
    return registry.scrape().lines().filter(line -> line.startsWith("provisioner_consumer_lag{"))
        .map(PARTITION::matcher).filter(Matcher::find).map(found -> found.group(1)).collect(Collectors.toSet());
  }
}
