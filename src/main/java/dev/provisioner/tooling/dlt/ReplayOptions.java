package dev.provisioner.tooling.dlt;

import java.net.URI;

/**
 * How one replay runs.
 *
 * @param filter which records
 * @param dryRun show what would happen; send and commit nothing
 * @param ratePerSecond at most this many records re-published per second; 0 for no limit
 * @param limit at most this many records replayed or parked; 0 for no limit
 * @param force replay even when the worker's breaker is open or its health cannot be read
 * @param maxReplays a record whose replay count would exceed this is parked instead
 * @param parkingTopic where such records go
 * @param auditTopic where the run's audit line goes
 * @param groupId the consumer group that keeps the replay's progress
 * @param workerUrl the worker's management base URL
 */
public record ReplayOptions(ReplayFilter filter, boolean dryRun, int ratePerSecond, int limit,
    boolean force, int maxReplays, String parkingTopic, String auditTopic, String groupId,
    URI workerUrl) {

  public static final String DEFAULT_GROUP = "account-provisioner-dlt-replay";
  public static final String DEFAULT_PARKING_TOPIC = "account-commands-parked";
  public static final String DEFAULT_AUDIT_TOPIC = "account-provisioner-dlt-audit";

  public ReplayOptions {
    requireNotNegative("--rate", ratePerSecond, " (0: no limit)");
    requireNotNegative("--limit", limit, " (0: no limit)");
    requireNotNegative("--max-replays", maxReplays, "");
  }

  private static void requireNotNegative(String option, int value, String zero) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " must be 0 or more" + zero + ", but was " + value);
    }
  }
}
