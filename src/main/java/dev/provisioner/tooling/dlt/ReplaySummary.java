package dev.provisioner.tooling.dlt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What one replay run did: the audit line.
 *
 * @param at when the run ended
 * @param deadLetterTopic the topic read
 * @param filter the filters given
 * @param dryRun whether nothing was sent
 * @param forced whether the breaker check was overridden
 * @param replayed records re-published to their original topic (or that would be, in a dry run)
 * @param parked records moved to the parking topic (or that would be)
 * @param skipped records the filter left, without an original topic, without their value (too
 *     large to dead-letter), or that an earlier run replayed or parked after a record it left
 */
public record ReplaySummary(@JsonProperty("at") Instant at,
    @JsonProperty("dead_letter_topic") String deadLetterTopic,
    @JsonProperty("filter") ReplayFilter filter, @JsonProperty("dry_run") boolean dryRun,
    @JsonProperty("forced") boolean forced, @JsonProperty("replayed") long replayed,
    @JsonProperty("parked") long parked, @JsonProperty("skipped") long skipped) {
}
