package dev.provisioner.tooling.dlt;

import dev.provisioner.tooling.KafkaClients;

/**
 * Where the dead letters are.
 *
 * @param kafka the broker and the Kafka clients' other settings
 * @param deadLetterTopic the dead-letter topic
 */
public record DltSettings(KafkaClients kafka, String deadLetterTopic) {
}
