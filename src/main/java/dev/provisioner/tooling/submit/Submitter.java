package dev.provisioner.tooling.submit;

import dev.provisioner.runtime.BrokerCheck;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.tooling.Interruption;
import dev.provisioner.tooling.KafkaClients;
import dev.provisioner.tooling.TopicCheck;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code submit}: validates every row first (nothing is sent when one is bad, unless told to
 * skip bad rows), checks that the broker answers, then streams the file again sending one command
 * per valid row with an idempotent producer keyed by external reference, then awaits and reports
 * the replies. A row counts as sent only once the broker acknowledged it. Memory grows only by a
 * few fields per row.
 */
public final class Submitter {

  /** Why a valid row was not sent when the user stopped the run. */
  static final String INTERRUPTED = "interrupted before it was sent";

  private final SubmitSettings settings;
  private final PrintWriter out;
  private final Clock clock;
  private final Function<KafkaClients, Producer<byte[], byte[]>> producers;
  private final RowValidator validator = new RowValidator();
  private final RowStates rows;
  private final Interruption interruption;
  private CommandSender.@Nullable Failure sendFailure;

  public Submitter(SubmitSettings settings, PrintWriter out, Clock clock) {
    this(settings, out, clock, new Interruption());
  }

  /** Stops sending and awaiting, and reports what was done, once {@code interruption} is requested. */
  public Submitter(SubmitSettings settings, PrintWriter out, Clock clock, Interruption interruption) {
    this(settings, out, clock, CommandSender::producer, interruption);
  }

  /** With producers made by {@code producers} from the Kafka settings: tests play the broker. */
  Submitter(SubmitSettings settings, PrintWriter out, Clock clock,
      Function<KafkaClients, Producer<byte[], byte[]>> producers) {
    this(settings, out, clock, producers, new Interruption());
  }

  private Submitter(SubmitSettings settings, PrintWriter out, Clock clock,
      Function<KafkaClients, Producer<byte[], byte[]>> producers, Interruption interruption) {
    this.interruption = interruption;
    this.settings = settings;
    this.out = out;
    this.clock = clock;
    this.producers = producers;
    this.rows = new RowStates(settings.await());
  }

  /**
   * Validates, sends and (when asked) awaits; never throws for a bad row, only for bad input.
   *
   * @throws BrokerUnreachableException when the broker does not answer before anything is sent
   * @throws dev.provisioner.tooling.MissingTopicException when the commands or replies topic does not exist
   */
  public SubmitSummary run() {
    List<String> problems = new ArrayList<>();
    long total = validateAll(problems);
    long valid = total - problems.size();
    problems.forEach(problem -> out.println("invalid: " + problem));
    if (!problems.isEmpty() && !settings.skipInvalid()) {
      String nothingSent = "nothing sent: " + problems.size()
          + (problems.size() == 1 ? " invalid row" : " invalid rows")
          + (valid == 0 ? " and no valid one" : " (use --skip-invalid to send the rest)");
      out.println(nothingSent);
      reportNothingSent(nothingSent);
      return new SubmitSummary(total, problems.size(), 0, valid, 0, 0, 0, 0, 0, false, List.copyOf(problems));
    }
    BrokerCheck.requireReachable("--bootstrap-servers", settings.kafka().admin(Map.of()));
    TopicCheck.requireExists(settings.kafka(), settings.commandsTopic(), "the commands topic",
        "the worker creates its topics when it starts; name its commands topic with --commands-topic");
    interruption.reporting();
    Progress progress = new Progress(out, settings.terminal(), valid, settings.await(), clock);
    try (ReplyCollector replies = settings.await()
        ? new ReplyCollector(settings.kafka(), settings.repliesTopic()) : null) {
      long sent = sendAll(progress, replies);
      if (replies != null) {
        awaitReplies(replies, progress);
      }
      progress.finish();
      if (sendFailure != null) {
        out.println("send failed: line " + sendFailure.line() + ": " + sendFailure.reason()
            + "; sending stopped (sending the file again is safe: same message IDs)");
      }
      return summarize(total, problems, sent, valid - sent);
    }
  }

  private long validateAll(List<String> problems) {
    long total = 0;
    try (RowSource source = RowSource.open(settings.file(), validator)) {
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        total++;
        if (row.get() instanceof SubmitRow.Invalid invalid) {
          problems.add("line " + invalid.line() + ": " + invalid.reason());
        }
      }
    }
    return total;
  }

  /** Writes the report, when asked, of a run that sent nothing: each valid row not-sent, and why. */
  private void reportNothingSent(String why) {
    if (!settings.await() || settings.report() == null) {
      return;
    }
    try (RowSource source = RowSource.open(settings.file(), validator)) {
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        RowState state = rows.track(row.get());
        if (row.get() instanceof SubmitRow.Valid) {
          RowStates.markNotSent(state, why);
        }
      }
    }
    Report.write(settings.report(), rows.all());
  }

  /** Sends every valid row until a send fails; returns the rows the broker acknowledged. */
  private long sendAll(Progress progress, @Nullable ReplyCollector replies) {
    try (RowSource source = RowSource.open(settings.file(), validator);
        CommandSender sender = new CommandSender(producers.apply(settings.kafka()),
            settings.commandsTopic())) {
      long handed = 0;
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        RowState state = rows.track(row.get());
        if (!(row.get() instanceof SubmitRow.Valid valid)) {
          continue;
        }
        if (interruption.requested()) {
          RowStates.markNotSent(state, INTERRUPTED);
          continue;
        }
        if (!sender.send(valid, state, state == null ? null : rows.correlationId(state))) {
          long failedLine = sender.firstFailure().orElseThrow().line();
          RowStates.markNotSent(state, "sending stopped after line " + failedLine + " failed");
          continue;
        }
        progress.sent(sender.acknowledged());
        if (replies != null && ++handed % 1000 == 0) {
          replies.poll(Duration.ZERO, (id, reply) -> rows.onReply(id, reply, progress::answered));
        }
      }
      sender.flush();
      progress.sent(sender.acknowledged());
      sender.drainFailures(failure -> RowStates.markNotSent(failure.row(), failure.reason()));
      sendFailure = sender.firstFailure().orElse(null);
      return sender.acknowledged();
    }
  }

  private void awaitReplies(ReplyCollector replies, Progress progress) {
    Instant deadline = clock.instant().plus(settings.timeout());
    while (rows.anyUnanswered() && clock.instant().isBefore(deadline) && !interruption.requested()) {
      replies.poll(Duration.ofMillis(200), (id, reply) -> rows.onReply(id, reply, progress::answered));
      progress.tick();
    }
  }

  private SubmitSummary summarize(long total, List<String> problems, long sent, long notSent) {
    if (settings.await() && settings.report() != null) {
      Report.write(settings.report(), rows.all());
    }
    return new SubmitSummary(total, problems.size(), sent, notSent, rows.count("created"), rows.replayed(),
        rows.count("rejected"), rows.count("failed"), rows.unanswered(), settings.await(),
        List.copyOf(problems));
  }
}
