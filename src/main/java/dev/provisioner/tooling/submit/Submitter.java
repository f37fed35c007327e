package dev.provisioner.tooling.submit;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code submit}: validates every row first (nothing is sent when one is bad, unless told to
 * skip bad rows), checks that the broker answers, then streams the file again sending one command
 * per valid row with an idempotent producer keyed by external reference, then awaits and reports
 * the replies. A row counts as sent only once the broker acknowledged it. Memory grows only by a
 * few fields per row.
 */
public final class Submitter {

  private final SubmitSettings settings;
  private final PrintWriter out;
  private final Clock clock;
  private final Function<String, Producer<byte[], byte[]>> producers;
  private final RowValidator validator = new RowValidator();
  private final List<RowState> rows = new ArrayList<>();
  private final Map<String, List<RowState>> byMessageId = new HashMap<>();
  private CommandSender.@Nullable Failure sendFailure;

  public Submitter(SubmitSettings settings, PrintWriter out, Clock clock) {
    this(settings, out, clock, CommandSender::producer);
  }

  /** With producers made by {@code producers} from the bootstrap servers: tests play the broker. */
  Submitter(SubmitSettings settings, PrintWriter out, Clock clock,
      Function<String, Producer<byte[], byte[]>> producers) {
    this.settings = settings;
    this.out = out;
    this.clock = clock;
    this.producers = producers;
  }

  /**
   * Validates, sends and (when asked) awaits; never throws for a bad row, only for bad input.
   *
   * @throws BrokerUnreachableException when the broker does not answer before anything is sent
   */
  public SubmitSummary run() {
    List<String> problems = new ArrayList<>();
    long total = validateAll(problems);
    long valid = total - problems.size();
    problems.forEach(problem -> out.println("invalid: " + problem));
    if (!problems.isEmpty() && !settings.skipInvalid()) {
      out.println("nothing sent: " + problems.size() + " invalid rows (use --skip-invalid to send the rest)");
      return new SubmitSummary(total, problems.size(), 0, valid, 0, 0, 0, 0, false, List.copyOf(problems));
    }
    BrokerCheck.requireReachable(settings.bootstrapServers());
    Progress progress = new Progress(out, settings.terminal(), valid, settings.await(), clock);
    try (ReplyCollector replies = settings.await()
        ? new ReplyCollector(settings.bootstrapServers(), settings.repliesTopic()) : null) {
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

  /** Sends every valid row until a send fails; returns the rows the broker acknowledged. */
  private long sendAll(Progress progress, @Nullable ReplyCollector replies) {
    try (RowSource source = RowSource.open(settings.file(), validator);
        CommandSender sender = new CommandSender(producers.apply(settings.bootstrapServers()),
            settings.commandsTopic())) {
      long handed = 0;
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        RowState state = track(row.get());
        if (!(row.get() instanceof SubmitRow.Valid valid)) {
          continue;
        }
        if (!sender.send(valid, state)) {
          long failedLine = sender.firstFailure().orElseThrow().line();
          markNotSent(state, "sending stopped after line " + failedLine + " failed");
          continue;
        }
        progress.sent(sender.acknowledged());
        if (replies != null && ++handed % 1000 == 0) {
          replies.poll(Duration.ZERO, (id, reply) -> onReply(id, reply, progress));
        }
      }
      sender.flush();
      progress.sent(sender.acknowledged());
      sender.drainFailures(failure -> markNotSent(failure.row(), failure.reason()));
      sendFailure = sender.firstFailure().orElse(null);
      return sender.acknowledged();
    }
  }

  /** The row's state for the report, kept only when awaiting; null otherwise. */
  private @Nullable RowState track(SubmitRow row) {
    if (!settings.await()) {
      return null;
    }
    if (row instanceof SubmitRow.Invalid invalid) {
      RowState state = new RowState(invalid.line(), invalid.messageId(),
          invalid.externalReference(), RowState.INVALID, invalid.reason());
      rows.add(state);
      return state;
    }
    SubmitRow.Valid valid = (SubmitRow.Valid) row;
    RowState state = new RowState(valid.line(), valid.messageId(), valid.externalReference(), null, null);
    rows.add(state);
    byMessageId.computeIfAbsent(valid.messageId(), id -> new ArrayList<>(1)).add(state);
    return state;
  }

  private static void markNotSent(@Nullable RowState state, String reason) {
    if (state != null) {
      state.status = RowState.NOT_SENT;
      state.accountId = null;
      state.error = reason;
    }
  }

  private void awaitReplies(ReplyCollector replies, Progress progress) {
    Instant deadline = clock.instant().plus(settings.timeout());
    while (rows.stream().anyMatch(row -> !row.answered()) && clock.instant().isBefore(deadline)) {
      replies.poll(Duration.ofMillis(200), (id, reply) -> onReply(id, reply, progress));
    }
  }

  private void onReply(String messageId, JsonNode reply, Progress progress) {
    String status = reply.path("status").asString("");
    for (RowState state : byMessageId.getOrDefault(messageId, List.of())) {
      // a row counted not sent stays so, or the counts of the summary would disagree
      if (RowState.NOT_SENT.equals(state.status) || (state.answered() && !"created".equals(status))) {
        continue;
      }
      if (!state.answered()) {
        progress.answered();
      }
      state.status = status;
      state.accountId = "created".equals(status) ? reply.path("account").path("id").asString(null) : null;
      state.error = "created".equals(status) ? null : errorOf(reply);
    }
  }

  private static String errorOf(JsonNode reply) {
    JsonNode error = reply.path("error");
    String detail = error.path("detail").asString("");
    return error.path("status").asInt() + " " + error.path("title").asString("") + ": " + detail;
  }

  private SubmitSummary summarize(long total, List<String> problems, long sent, long notSent) {
    if (settings.await() && settings.report() != null) {
      Report.write(settings.report(), rows);
    }
    long unanswered = rows.stream().filter(row -> !row.answered()).count();
    return new SubmitSummary(total, problems.size(), sent, notSent, count("created"),
        count("rejected"), count("failed"), unanswered, settings.await(), List.copyOf(problems));
  }

  private long count(String status) {
    return rows.stream().filter(row -> status.equals(row.status)).count();
  }
}
