package dev.provisioner.tooling.submit;

import dev.provisioner.command.MessageHeaders;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code submit}: validates every row first (nothing is sent when one is bad, unless told to
 * skip bad rows), then streams the file again sending one command per valid row with an
 * idempotent producer keyed by external reference, then awaits and reports the replies. Memory
 * grows only by a few fields per row.
 */
public final class Submitter {

  private final SubmitSettings settings;
  private final PrintWriter out;
  private final Clock clock;
  private final RowValidator validator = new RowValidator();
  private final List<RowState> rows = new ArrayList<>();
  private final Map<String, List<RowState>> byMessageId = new HashMap<>();
  private final Queue<String[]> sendErrors = new ConcurrentLinkedQueue<>();
  private long notSent;

  public Submitter(SubmitSettings settings, PrintWriter out, Clock clock) {
    this.settings = settings;
    this.out = out;
    this.clock = clock;
  }

  /** Validates, sends and (when asked) awaits; never throws for a bad row, only for bad input. */
  public SubmitSummary run() {
    List<String> problems = new ArrayList<>();
    long total = validateAll(problems);
    problems.forEach(problem -> out.println("invalid: " + problem));
    if (!problems.isEmpty() && !settings.skipInvalid()) {
      out.println("nothing sent: " + problems.size() + " invalid rows (use --skip-invalid to send the rest)");
      return new SubmitSummary(total, problems.size(), 0, 0, 0, 0, 0, false, List.copyOf(problems));
    }
    Progress progress = new Progress(out, settings.terminal(), total - problems.size(),
        settings.await(), clock);
    try (ReplyCollector replies = settings.await()
        ? new ReplyCollector(settings.bootstrapServers(), settings.repliesTopic()) : null) {
      long sent = sendAll(progress, replies);
      if (replies != null) {
        awaitReplies(replies, progress);
      }
      progress.finish();
      return summarize(total, problems, sent);
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

  private long sendAll(Progress progress, @Nullable ReplyCollector replies) {
    long sent = 0;
    try (RowSource source = RowSource.open(settings.file(), validator);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        track(row.get());
        if (row.get() instanceof SubmitRow.Valid valid) {
          producer.send(record(valid), (metadata, error) -> {
            if (error != null) {
              sendErrors.add(new String[] {valid.messageId(), error.getMessage()});
            }
          });
          progress.sent();
          sent++;
          if (replies != null && sent % 1000 == 0) {
            replies.poll(Duration.ZERO, (id, reply) -> onReply(id, reply, progress));
          }
        }
      }
      producer.flush();
    }
    markSendErrors();
    return sent;
  }

  private ProducerRecord<byte[], byte[]> record(SubmitRow.Valid valid) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(settings.commandsTopic(),
        valid.externalReference().getBytes(StandardCharsets.UTF_8), valid.value());
    record.headers().add(MessageHeaders.MESSAGE_ID, valid.messageId().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private void track(SubmitRow row) {
    if (!settings.await()) {
      return;
    }
    if (row instanceof SubmitRow.Invalid invalid) {
      rows.add(new RowState(invalid.line(), invalid.messageId(), invalid.externalReference(),
          "invalid", invalid.reason()));
      return;
    }
    SubmitRow.Valid valid = (SubmitRow.Valid) row;
    RowState state = new RowState(valid.line(), valid.messageId(), valid.externalReference(), null, null);
    rows.add(state);
    byMessageId.computeIfAbsent(valid.messageId(), id -> new ArrayList<>(1)).add(state);
  }

  private void markSendErrors() {
    for (String[] error = sendErrors.poll(); error != null; error = sendErrors.poll()) {
      notSent++;
      for (RowState state : byMessageId.getOrDefault(error[0], List.of())) {
        state.status = "failed";
        state.error = "not sent: " + error[1];
      }
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
      if (state.answered() && !"created".equals(status)) {
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

  private SubmitSummary summarize(long total, List<String> problems, long sent) {
    if (settings.await() && settings.report() != null) {
      Report.write(settings.report(), rows);
    }
    long created = count("created");
    long rejected = count("rejected");
    long failed = settings.await() ? count("failed") : notSent;
    long unanswered = rows.stream().filter(row -> !row.answered()).count();
    return new SubmitSummary(total, problems.size(), sent, created, rejected, failed, unanswered,
        settings.await(), List.copyOf(problems));
  }

  private long count(String status) {
    return rows.stream().filter(row -> status.equals(row.status)).count();
  }

  private Properties producerProperties() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }
}
