package dev.provisioner.cli;

import dev.provisioner.tooling.Interruption;
import dev.provisioner.tooling.dlt.BreakerCheck;
import dev.provisioner.tooling.dlt.DltSettings;
import dev.provisioner.tooling.dlt.ReplayFilter;
import dev.provisioner.tooling.dlt.ReplayOptions;
import dev.provisioner.tooling.dlt.ReplayStoppedException;
import dev.provisioner.tooling.dlt.ReplaySummary;
import dev.provisioner.tooling.dlt.Replayer;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code dlt replay}: dead letters re-published to their original topic, under the same idempotency keys. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-publish dead letters to their original topic.",
        "Same key, value and message ID, hence the same idempotency key; a record replayed more "
            + "than --max-replays times is parked instead. Progress is kept in the consumer group, "
            + "so a second run does not replay the same records. A dry run sends and commits nothing."})
final class DltReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @Mixin
  DltWhere where;
  @Unmatched
  List<String> springArgs = new ArrayList<>();
  @Option(names = "--exception", description = "exception class name contains this")
  @Nullable String exception;
  @Option(names = "--reason", description = "reason or exception message contains this")
  @Nullable String reason;
  @Option(names = "--since", description = "dead-lettered at or after this ISO-8601 instant")
  @Nullable Instant since;
  @Option(names = "--until", description = "dead-lettered before this ISO-8601 instant")
  @Nullable Instant until;
  @Option(names = "--key", description = "record key")
  @Nullable String key;
  @Option(names = "--message-id", description = "message-id header")
  @Nullable String messageId;
  @Option(names = "--dry-run", description = "show what would be replayed or parked; send and "
      + "commit nothing, not even the audit line")
  boolean dryRun;
  @Option(names = "--rate", defaultValue = "0", description = "records per second, 0 = no limit")
  int rate;
  @Option(names = "--limit", defaultValue = "0", description = "at most N records, 0 = no limit")
  int limit;
  @Option(names = "--force", description = "replay even if the worker's breaker is open or unknown")
  boolean force;
  @Option(names = "--max-replays", defaultValue = "3", description = "park a record whose replay "
      + "count would exceed this (default ${DEFAULT-VALUE})")
  int maxReplays;
  @Option(names = "--parking-topic", defaultValue = ReplayOptions.DEFAULT_PARKING_TOPIC,
      description = "where parked records go, keeping their kafka_dlt-* headers (default ${DEFAULT-VALUE})")
  String parkingTopic;
  @Option(names = "--audit-topic", defaultValue = ReplayOptions.DEFAULT_AUDIT_TOPIC,
      description = "gets one JSON line per run, none for a dry run (default ${DEFAULT-VALUE})")
  String auditTopic;
  @Option(names = "--group-id", defaultValue = ReplayOptions.DEFAULT_GROUP,
      description = "the consumer group that keeps the replay's progress (default ${DEFAULT-VALUE})")
  String groupId;
  @Option(names = "--worker-url", defaultValue = "http://localhost:8081",
      description = "the worker's management URL%n(default ${DEFAULT-VALUE})")
  URI workerUrl;

  @Override
  public Integer call() {
    // Bad options first: told that the broker or the worker is unreachable, a user would not look
    // at --rate=-1.
    ReplayOptions options;
    try {
      options = new ReplayOptions(new ReplayFilter(exception, reason, since, until, key, messageId),
          dryRun, rate, limit, force, maxReplays, parkingTopic, auditTopic, groupId, workerUrl);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    DltSettings settings = where.settings(springArgs);
    if (!dryRun && !breakerAllows()) {
      return ExitCodes.FAILURES;
    }
    PrintWriter out = spec.commandLine().getOut();
    Interruption interruption = new Interruption();
    Replayer replayer = new Replayer(settings, options, out, Clock.systemUTC(), interruption);
    return interruption.hooked("dlt-replay-interrupted", () -> {
      try {
        ReplaySummary summary;
        try {
          summary = DltCommand.named(replayer::run);
        } catch (ReplayStoppedException e) {
          spec.commandLine().getErr().println("error: " + e.getMessage());
          return ExitCodes.FAILURES;
        }
        out.println(dryRun
            ? "dry run: " + summary.replayed() + " would be replayed, " + summary.parked() + " would be parked, "
                + summary.skipped() + " skipped; nothing was sent or committed"
            : summary.replayed() + " replayed, " + summary.parked() + " parked, " + summary.skipped() + " skipped");
        if (interruption.requested()) {
          out.println("interrupted: " + (dryRun ? "nothing was sent or committed (dry run)"
              : "the dead letters counted above are re-published and committed") + "; the rest "
              + "stay on " + where.topic + ", and running the same replay again takes up from there");
          // not all done; the JVM, stopping on the signal, exits 130 (143 after SIGTERM) anyway
          return ExitCodes.FAILURES;
        }
        return ExitCodes.OK;
      } finally {
        out.flush();
      }
    });
  }

  private boolean breakerAllows() {
    BreakerCheck.Verdict verdict = new BreakerCheck().check(workerUrl);
    if (verdict.state() == BreakerCheck.State.CLOSED) {
      return true;
    }
    if (force) {
      spec.commandLine().getErr().println("warning: " + verdict.detail() + "; replaying (--force)");
      return true;
    }
    spec.commandLine().getErr().println("error: " + verdict.detail()
        + "; refusing to replay (use --force to replay anyway)");
    return false;
  }
}
