package dev.provisioner.tooling.submit;

import dev.provisioner.tooling.KafkaClients;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code submit} run does.
 *
 * @param file the CSV or NDJSON input
 * @param kafka the broker and the Kafka clients' other settings
 * @param commandsTopic where commands go
 * @param repliesTopic where replies are awaited
 * @param await whether to wait for a reply to every command
 * @param report where to write the report CSV when awaiting, or null for none
 * @param skipInvalid send the valid rows even when some are invalid
 * @param timeout how long to wait for the replies
 * @param terminal whether progress is drawn as a bar (else printed as periodic lines)
 */
public record SubmitSettings(Path file, KafkaClients kafka, String commandsTopic,
    String repliesTopic, boolean await, @Nullable Path report, boolean skipInvalid,
    Duration timeout, boolean terminal) {
}
