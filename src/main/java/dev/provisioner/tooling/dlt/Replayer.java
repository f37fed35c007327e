package dev.provisioner.tooling.dlt;

import dev.provisioner.tooling.Interruption;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code dlt replay}: re-publishes the matching dead letters to their original topic (same
 * key, value and message ID, hence the same idempotency key), or parks a record replayed too
 * often. Progress is the consumer group's committed offsets, moved past each record once it is
 * acknowledged, so a second run does not replay it again. A record the filter leaves stays for a
 * later run: its partition's progress stops before it, and the records after it that this run
 * handles are noted in the commit's metadata ({@link HandledOffsets}), so a later run passes them
 * instead of sending them again. Records no
 * run can replay (no original topic, value left out) are passed, and records their original
 * topic refuses for good (an invalid name, too large) are parked. An interruption (Ctrl-C) stops
 * the reading; what was handed to the producer is still awaited and committed, and reported.
 */
public final class Replayer {

  /**
   * Records handed to the producer before their acknowledgements are awaited and progress is
   * committed: one send and one commit at a time made a replay about 15 ms per record.
   */
  static final int IN_FLIGHT = 500;

  private final DltSettings settings;
  private final ReplayOptions options;
  private final PrintWriter out;
  private final Clock clock;
  private final Interruption interruption;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<TopicPartition, Long> progress = new HashMap<>();
  /** Partitions whose progress stopped at a record the filter left, for a later run. */
  private final Set<TopicPartition> held = new HashSet<>();
  /** Records handed to the producer (or passed) whose progress waits for the acknowledgements. */
  private final List<Pending> pending = new ArrayList<>();
  private final ReplayCounts counts = new ReplayCounts();
  private final Rejections rejections = new Rejections();

  public Replayer(DltSettings settings, ReplayOptions options, PrintWriter out, Clock clock) {
    this(settings, options, out, clock, new Interruption());
  }

  /** Stops reading once {@code interruption} is requested, and reports what was replayed. */
  public Replayer(DltSettings settings, ReplayOptions options, PrintWriter out, Clock clock,
      Interruption interruption) {
    this.settings = settings;
    this.options = options;
    this.out = out;
    this.clock = clock;
    this.interruption = interruption;
  }

  /**
   * Replays and returns the audit line's content; it is printed, and appended to the audit topic
   * unless this is a dry run.
   */
  public ReplaySummary run() {
    @Nullable RateLimiter limiter = limiter(options.ratePerSecond());
    try (DeadLetterReader reader = new DeadLetterReader(settings, options.groupId());
        Republisher publisher = new Republisher(settings.kafka())) {
      if (!options.dryRun()) {
        publisher.ensureTopic(options.parkingTopic());
      }
      interruption.reporting();
      reader.forEach(letter -> !interruption.requested() && handle(letter, reader, publisher, limiter));
      settle(reader, publisher);
      counts.notes(options.parkingTopic(), rejections.describe(options.maxReplays()))
          .forEach(out::println);
      ReplaySummary summary = counts.summary(clock.instant(), settings.deadLetterTopic(), options);
      audit(summary, publisher);
      return summary;
    }
  }

  private static @Nullable RateLimiter limiter(int ratePerSecond) {
    return ratePerSecond == 0 ? null : RateLimiter.of("dlt-replay", RateLimiterConfig.custom()
        .limitForPeriod(ratePerSecond).limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ofMinutes(10)).build());
  }

  /** Handles one record; false once the limit is reached, to stop reading. */
  private boolean handle(DeadLetter letter, DeadLetterReader reader, Republisher publisher,
      @Nullable RateLimiter limiter) {
    if (options.limit() > 0 && counts.replayedOrParked() >= options.limit()) {
      return false;
    }
    String target = letter.originalTopic();
    if (reader.handled(partitionOf(letter)).contains(letter.record().offset())) {
      counts.alreadyHandled();
      passed(letter);
    } else if (!options.filter().matches(letter)) {
      counts.left();
      held.add(partitionOf(letter));
    } else if (target == null || letter.valueOmitted() != null) {
      if (letter.valueOmitted() != null) {
        out.println("skip " + describe(letter) + ": " + Printable.of(letter.valueOmitted()));
      }
      counts.unreplayable();
      passed(letter);
    } else {
      send(letter, target, reader, publisher, limiter);
    }
    return true;
  }

  /** Hands a record to its original topic, or to the parking topic past its replays. */
  private void send(DeadLetter letter, String target, DeadLetterReader reader,
      Republisher publisher, @Nullable RateLimiter limiter) {
    int count = letter.replayCount() + 1;
    boolean park = count > options.maxReplays();
    String topic = park ? options.parkingTopic() : target;
    out.println((options.dryRun() ? "would " : "") + (park ? "park " : "replay ") + describe(letter)
        + " -> " + Printable.of(topic) + " (replay-count " + count + ")");
    if (!options.dryRun()) {
      if (limiter != null) {
        limiter.acquirePermission();
      }
      pending.add(new Pending(publisher.sendAsync(letter, topic, count, park), topic, count, letter,
          !held.contains(partitionOf(letter))));
      if (pending.size() >= IN_FLIGHT) {
        settle(reader, publisher);
      }
    }
    counts.sent(park);
    if (!park) {
      rejections.replaying(letter);
    }
  }

  /**
   * A record no run can replay, or one an earlier run handled: progress passes it once the sends
   * before it are acknowledged, or, past a record the filter left, notes it as handled.
   */
  private void passed(DeadLetter letter) {
    pending.add(new Pending(CompletableFuture.completedFuture(null), "", 0, letter,
        !held.contains(partitionOf(letter))));
  }

  /**
   * Waits for every pending send in order, moving progress past each acknowledged one, and
   * commits; a record its original topic refused for good is parked, and at any other refused
   * send it commits what came before and stops the run.
   */
  private void settle(DeadLetterReader reader, Republisher publisher) {
    try {
      for (Pending step : pending) {
        try {
          Republisher.await(step.ack(), step.topic());
        } catch (IllegalStateException refused) {
          parkRefused(step, refused, publisher);
        }
        if (step.advance()) {
          progress.put(partitionOf(step.letter()), step.letter().record().offset() + 1);
        } else {
          reader.handled(partitionOf(step.letter())).add(step.letter().record().offset());
        }
      }
    } finally {
      pending.clear();
      commit(reader);
    }
  }

  /**
   * A send the original topic refused for good (see {@link Republisher#refusedForGood}) parks the
   * record, saying why, so that one record cannot stop every later run; any other refusal, or one
   * the parking topic also refuses, stops the run.
   */
  private void parkRefused(Pending step, IllegalStateException refused, Republisher publisher) {
    if (step.topic().equals(options.parkingTopic()) || !Republisher.refusedForGood(refused)) {
      throw new ReplayStoppedException(step.letter(), step.topic(), refused);
    }
    String reason = ReplayStoppedException.reason(refused);
    try {
      publisher.parkRefused(step.letter(), options.parkingTopic(), step.replayCount(),
          step.topic() + ": " + reason);
    } catch (IllegalStateException parkingRefused) {
      throw new ReplayStoppedException(step.letter(), step.topic(), refused,
          options.parkingTopic(), parkingRefused);
    }
    out.println("park " + describe(step.letter()) + " -> " + Printable.of(options.parkingTopic())
        + " (replay-count " + step.replayCount() + "): " + Printable.of(step.topic())
        + " refused it for good: " + Printable.of(reason));
    counts.refusedForGood();
    rejections.parkedInstead(step.letter());
  }

  /**
   * A record handed over: its acknowledgement, where it went with which replay count, and whether
   * progress may pass it then.
   */
  private record Pending(Future<?> ack, String topic, int replayCount, DeadLetter letter,
      boolean advance) {
  }

  private static TopicPartition partitionOf(DeadLetter letter) {
    return new TopicPartition(letter.record().topic(), letter.record().partition());
  }

  private void commit(DeadLetterReader reader) {
    if (!options.dryRun()) {
      reader.commit(progress);
    }
  }

  private static String describe(DeadLetter letter) {
    return "partition " + letter.record().partition() + " offset " + letter.record().offset()
        + " key " + Printable.of(letter.key()) + " message-id " + Printable.of(letter.messageId())
        + " [" + Printable.of(letter.reason()) + "]";
  }

  /** A dry run sends and commits nothing, its audit line included: that is its promise. */
  private void audit(ReplaySummary summary, Republisher publisher) {
    String line = json.writeValueAsString(summary);
    if (!options.dryRun()) {
      publisher.ensureTopic(options.auditTopic());
      publisher.sendLine(options.auditTopic(), line);
    }
    out.println("audit: " + line);
  }
}
