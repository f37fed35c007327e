package dev.provisioner.tooling.dlt;

/**
 * Where the dead letters are.
 *
 * @param bootstrapServers the broker
 * @param deadLetterTopic the dead-letter topic
 */
public record DltSettings(String bootstrapServers, String deadLetterTopic) {
}
