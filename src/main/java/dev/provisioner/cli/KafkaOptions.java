package dev.provisioner.cli;

import dev.provisioner.tooling.KafkaClients;
import java.util.List;

/**
 * The Kafka settings of {@code submit} and {@code dlt}: the broker option and the other
 * {@code --spring.kafka.*} arguments. An argument that is not one, or a value of the wrong type,
 * is bad usage in one line that names it (and never shows a secret).
 */
final class KafkaOptions {

  private KafkaOptions() {
  }

  static KafkaClients of(String bootstrapServers, List<String> springArgs) {
    try {
      return KafkaClients.of(bootstrapServers, springArgs);
    } catch (RuntimeException e) {
      throw new UsageException(ErrorLines.describe(e));
    }
  }
}
