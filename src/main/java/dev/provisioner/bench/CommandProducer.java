package dev.provisioner.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces the commands of a run as fast as the broker takes them, noting when each was sent. */
final class CommandProducer {

  private CommandProducer() {
  }

  /** Sends commands {@code from..to-1} and sets their {@code sentAt[seq]} to {@link System#nanoTime()}. */
  static void produce(String bootstrapServers, String topic, String run, int keys, long[] sentAt,
      int from, int to) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      for (int seq = from; seq < to; seq++) {
        byte[] key = BenchCommands.key(seq, keys).getBytes(StandardCharsets.UTF_8);
        byte[] value = BenchCommands.command(run, seq).getBytes(StandardCharsets.UTF_8);
        sentAt[seq] = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, key, value));
      }
      producer.flush();
    }
  }
}
