package dev.provisioner.cli;

import dev.provisioner.runtime.BrokerCheck;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.tooling.ClientLogs;
import dev.provisioner.tooling.KafkaClients;
import dev.provisioner.tooling.dlt.BreakerCheck;
import dev.provisioner.tooling.dlt.DeadLetter;
import dev.provisioner.tooling.dlt.DeadLetters;
import dev.provisioner.tooling.dlt.DltSettings;
import dev.provisioner.tooling.dlt.ReasonCount;
import dev.provisioner.tooling.dlt.ReplayFilter;
import dev.provisioner.tooling.dlt.ReplayOptions;
import dev.provisioner.tooling.dlt.ReplaySummary;
import dev.provisioner.tooling.dlt.Replayer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dlt}: see and replay the records on the dead-letter topic. Without a subcommand, as
 * without a command, the usage goes to standard error with exit code 2.
 */
@Command(name = "dlt", mixinStandardHelpOptions = true,
    description = "Dead-letter tooling: list, show, replay.",
    subcommands = {DltCommand.ListCommand.class, DltCommand.ShowCommand.class,
        DltCommand.ReplayCommand.class})
final class DltCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Reads the dead-letter topic; one the broker does not have, or a partition it does not have,
   * was named by the user: bad usage or settings (exit 2), not failures the work found.
   */
  private static <T> T named(Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The broker and the dead-letter topic, shared by every subcommand; with the subcommand's other
   * {@code --spring.kafka.*} arguments (security, any client property), the Kafka settings.
   */
  static final class Where {
    @Option(names = {"--bootstrap-servers", "--spring.kafka.bootstrap-servers"},
        defaultValue = "localhost:9092", description = "the broker (default ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = {"--dlt-topic", "--provisioner.topics.dead-letters"},
        defaultValue = "account-commands-dlt",
        description = "the dead-letter topic (default ${DEFAULT-VALUE})")
    String topic;

    /**
     * The settings, once the broker answered.
     *
     * @param springArgs the subcommand's other arguments: picocli gives a mixin none
     */
    DltSettings settings(List<String> springArgs) {
      ClientLogs.quiet();
      KafkaClients kafka = KafkaOptions.of(bootstrapServers, springArgs);
      try {
        BrokerCheck.requireReachable("--bootstrap-servers", kafka.admin(Map.of()));
      } catch (BrokerUnreachableException e) {
        // a setting to fix, named as the user typed it, as submit and the worker say
        throw new UsageException(e.getMessage());
      }
      return new DltSettings(kafka, topic);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Count dead letters by reason and exception, with their time range.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Where where;
    @Unmatched
    List<String> springArgs = new ArrayList<>();
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      List<ReasonCount> counts = named(new DeadLetters(where.settings(springArgs))::countByReason);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JSON.writeValueAsString(counts));
        return ExitCodes.OK;
      }
      long total = counts.stream().mapToLong(ReasonCount::count).sum();
      out.println(total + " dead letters on " + where.topic);
      counts.forEach(count -> out.printf("%8d  %s  (%s .. %s)  %s%n", count.count(), count.reason(),
          count.first(), count.last(), count.exception()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show one dead letter with its headers decoded.")
  static final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Where where;
    @Unmatched
    List<String> springArgs = new ArrayList<>();
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
      @ArgGroup(exclusive = false)
      @Nullable At at;
      @Option(names = "--message-id", description = "the first record with this message-id header")
      @Nullable String messageId;
    }

    static final class At {
      @Option(names = "--partition", required = true, description = "the dead letter's partition")
      int partition;
      @Option(names = "--offset", required = true, description = "the dead letter's offset")
      long offset;
    }

    @Override
    public Integer call() {
      DeadLetters letters = new DeadLetters(where.settings(springArgs));
      Optional<DeadLetter> letter = named(() -> which.at != null
          ? letters.at(which.at.partition, which.at.offset)
          : letters.withMessageId(String.valueOf(which.messageId)));
      if (letter.isEmpty()) {
        spec.commandLine().getErr().println("error: no such dead letter on " + where.topic);
        return ExitCodes.FAILURES;
      }
      spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(view(letter.get())));
      return ExitCodes.OK;
    }

    private static Map<String, Object> view(DeadLetter letter) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("partition", letter.record().partition());
      view.put("offset", letter.record().offset());
      view.put("timestamp", letter.timestamp().toString());
      view.put("key", letter.key());
      view.put("reason", letter.reason());
      view.put("headers", letter.decodedHeaders());
      byte[] value = letter.record().value();
      view.put("value", value == null ? null : new String(value, StandardCharsets.UTF_8));
      return view;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {"Re-publish dead letters to their original topic.",
          "Same key, value and message ID, hence the same idempotency key; a record replayed more "
              + "than --max-replays times is parked instead. Progress is kept in the consumer group, "
              + "so a second run does not replay the same records. A dry run sends and commits nothing."})
  static final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Where where;
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
        description = "the worker's management URL (default ${DEFAULT-VALUE})")
    URI workerUrl;

    @Override
    public Integer call() {
      DltSettings settings = where.settings(springArgs);
      if (!dryRun && !breakerAllows()) {
        return ExitCodes.FAILURES;
      }
      ReplayOptions options;
      try {
        options = new ReplayOptions(new ReplayFilter(exception, reason, since, until, key, messageId),
            dryRun, rate, limit, force, maxReplays, parkingTopic, auditTopic, groupId, workerUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      Replayer replayer = new Replayer(settings, options, spec.commandLine().getOut(), Clock.systemUTC());
      ReplaySummary summary = named(replayer::run);
      spec.commandLine().getOut().printf("%s%d replayed, %d parked, %d skipped%n",
          dryRun ? "dry run: " : "", summary.replayed(), summary.parked(), summary.skipped());
      return ExitCodes.OK;
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
}
