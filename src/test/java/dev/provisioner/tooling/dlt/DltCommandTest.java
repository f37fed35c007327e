package dev.provisioner.tooling.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.command.MessageHeaders;
import dev.provisioner.testing.TestKafka;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code dlt list}, {@code show} and {@code replay} on a real broker, with a stubbed worker health. */
class DltCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REJECTED = "dev.provisioner.worker.CommandRejectedException";
  private static final String FAILED = "dev.provisioner.worker.CommandFailedException";

  private DeadLetterTopic dlt;
  private HealthStub health;
  private String parking;
  private String audit;

  @BeforeEach
  void setUp() {
    dlt = new DeadLetterTopic();
    health = new HealthStub();
    parking = TestKafka.uniqueTopic("parked");
    audit = TestKafka.uniqueTopic("audit");
  }

  @AfterEach
  void tearDown() {
    health.close();
  }

  @Test
  void listCountsMixedReasonsRight() {
    // Given
    for (int i = 0; i < 3; i++) {
      dlt.add("k" + i, "not json " + i, REJECTED, "not-json: value is not JSON (line 1)", Map.of());
    }
    dlt.add("k3", "{}", REJECTED, "no-message-id: no message ID", Map.of());
    dlt.add("k4", "{}", FAILED, "gave up after 6 API calls: 503 Service Unavailable: down", Map.of());
    dlt.add("k5", "{}", FAILED, "gave up after 4 API calls: 503 Service Unavailable: busy", Map.of());
    dlt.add("k6", "{}", FAILED, "gave up after 6 API calls: 504 Timeout: POST failed: no answer", Map.of());

    // When
    CliRun json = dlt("list", "--json");
    CliRun text = dlt("list");

    // Then
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode counts = JSON.readTree(json.out());
    assertThat(counts).hasSize(4);
    assertThat(counts.get(0).path("reason").asString()).isEqualTo("CommandRejectedException: not-json");
    assertThat(counts.get(0).path("count").asLong()).isEqualTo(3);
    assertThat(counts.get(1).path("reason").asString())
        .isEqualTo("CommandFailedException: gave up after N API calls: 503 Service Unavailable");
    assertThat(counts.get(1).path("count").asLong()).isEqualTo(2);
    assertThat(counts.findValuesAsString("reason")).contains(
        "CommandRejectedException: no-message-id",
        "CommandFailedException: gave up after N API calls: 504 Timeout");
    assertThat(counts.get(2).path("count").asLong()).isEqualTo(1);
    assertThat(counts.get(0).path("first").asString()).isNotBlank();
    assertThat(text.out()).contains("7 dead letters on " + dlt.name);
  }

  @Test
  void listSaysHowToFindTheRecordsItCountsByPartitionAndOffsetForShow() {
    // Given
    dlt.add("k0", "{}", REJECTED, "not-json: x", Map.of());
    dlt.add("k1", "{}", FAILED, "gave up after 6 API calls: 503 Service unavailable: down", Map.of());

    // When the operator lists, then follows the list's hint with a filter, then shows one
    CliRun list = dlt("list");
    CliRun each = replay("--dry-run", "--reason=503");
    Matcher at = Pattern.compile("partition (\\d+) offset (\\d+) key k1")
        .matcher(each.out());

    // Then
    assertThat(list.out()).as(list.toString()).contains("each one with its partition and offset"
        + " (for dlt show): dlt replay --dry-run --group-id=NEW-NAME");
    assertThat(at.find()).as(each.toString()).isTrue();
    CliRun show = dlt("show", "--partition", at.group(1), "--offset", at.group(2));
    assertThat(JSON.readTree(show.out()).path("key").asString()).as(show.toString()).isEqualTo("k1");
  }

  @Test
  void showDecodesTheHeadersOfOneRecord() {
    dlt.add("k0", "first", REJECTED, "not-json: x", Map.of());
    dlt.add("k1", "second", FAILED, "gave up: y", Map.of("message-id", "m-1"));

    CliRun byOffset = dlt("show", "--partition", "0", "--offset", "1");
    CliRun byId = dlt("show", "--message-id", "m-1");

    assertThat(byOffset.exitCode()).as(byOffset.toString()).isZero();
    JsonNode shown = JSON.readTree(byOffset.out());
    assertThat(shown.path("key").asString()).isEqualTo("k1");
    assertThat(shown.path("value").asString()).isEqualTo("second");
    assertThat(shown.path("headers").path("kafka_dlt-original-offset").asLong()).isEqualTo(42);
    assertThat(shown.path("headers").path("kafka_dlt-original-partition").isInt()).isTrue();
    assertThat(JSON.readTree(byId.out()).path("offset").asLong()).isEqualTo(1);
  }

  @Test
  void showByMessageIdSaysWhereTheSameCommandWasDeadLetteredAgainAfterAReplay() {
    // Given a command dead-lettered, replayed, and dead-lettered again for another reason
    dlt.add("k", "{}", FAILED, "gave up after 6 API calls: 503 Service unavailable: down",
        Map.of("message-id", "m-1"));
    dlt.add("other", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-2"));
    dlt.add("k", "{}", REJECTED, "api-rejected: 422 Unprocessable: bad currency",
        Map.of("message-id", "m-1", "replay-count", "1"));

    // When
    CliRun show = dlt("show", "--message-id", "m-1");

    // Then the first is shown, and the later one is named, with its reason
    assertThat(show.exitCode()).as(show.toString()).isZero();
    JsonNode shown = JSON.readTree(show.out());
    assertThat(shown.path("offset").asLong()).isZero();
    JsonNode again = shown.path("also_dead_lettered_at").path(0);
    assertThat(again.path("offset").asLong()).as(show.toString()).isEqualTo(2);
    assertThat(again.path("reason").asString()).isEqualTo("CommandRejectedException: api-rejected: 422 Unprocessable");
  }

  @Test
  void showGivesTheExactBytesOfAKeyThatIsNotText() {
    // Given a dead letter with a binary key
    byte[] key = {(byte) 0xff, (byte) 0xfe, 0, 'k'};
    dlt.addWithKey(key, "{}", FAILED, "gave up: 503");

    // When
    CliRun show = dlt("show", "--partition", "0", "--offset", "0");

    // Then
    assertThat(show.exitCode()).as(show.toString()).isZero();
    JsonNode shown = JSON.readTree(show.out());
    assertThat(shown.path("key_base64").asString()).as(show.toString())
        .isEqualTo(Base64.getEncoder().encodeToString(key));
    assertThat(shown.has("value_base64")).isFalse();
  }

  @Test
  void showGivesTheExactBytesOfAHeaderThatIsNotText() {
    // Given a dead letter with the binary correlation ID submit sends, and a text header
    byte[] correlation = {(byte) 0xc3, 0x28, (byte) 0xdc, (byte) 0x9d, 0, 0, 0, 0, 0, 0, 0, 1};
    dlt.addWithHeader(MessageHeaders.CORRELATION_ID, correlation, "{}", FAILED, "gave up: 503");

    // When
    CliRun show = dlt("show", "--partition", "0", "--offset", "0");

    // Then the binary header's bytes are there exactly, and no other header's
    assertThat(show.exitCode()).as(show.toString()).isZero();
    JsonNode exact = JSON.readTree(show.out()).path("headers_base64");
    assertThat(exact.path(MessageHeaders.CORRELATION_ID).asString()).as(show.toString())
        .isEqualTo(Base64.getEncoder().encodeToString(correlation));
    assertThat(exact.propertyNames()).containsExactly(MessageHeaders.CORRELATION_ID);
  }

  @Test
  void replayRepublishesWithTheOriginalKeyValueAndMessageIdWithoutDltHeaders() {
    dlt.add("key-1", "{\"v\":1}", FAILED, "gave up after 6 API calls: 503", Map.of("message-id", "m-1"));

    CliRun run = replay();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<ConsumerRecord<byte[], byte[]>> replayed = DeadLetterTopic.read(dlt.original);
    assertThat(replayed).hasSize(1);
    ConsumerRecord<byte[], byte[]> record = replayed.get(0);
    assertThat(new String(record.key())).isEqualTo("key-1");
    assertThat(new String(record.value())).isEqualTo("{\"v\":1}");
    assertThat(DeadLetterTopic.header(record, "message-id")).isEqualTo("m-1");
    assertThat(DeadLetterTopic.header(record, "replay-count")).isEqualTo("1");
    assertThat(record.headers()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
    assertThat(run.out()).contains("1 replayed, 0 parked, 0 skipped");
  }

  @Test
  void aSecondReplayRunReplaysNothing() {
    dlt.add("key-1", "{}", FAILED, "gave up: 503", Map.of());
    dlt.add("key-2", "{}", FAILED, "gave up: 503", Map.of());
    assertThat(replay().out()).contains("2 replayed");

    CliRun second = replay();

    assertThat(second.out()).as(second.toString()).contains("0 replayed, 0 parked, 0 skipped");
    assertThat(DeadLetterTopic.read(dlt.original)).hasSize(2);
  }

  @Test
  void aRecordReplayedPastTheMaximumIsParkedKeepingWhyItFailed() {
    dlt.add("poison", "{}", FAILED, "gave up: 503", Map.of("replay-count", "3"));

    CliRun run = replay("--max-replays=3");

    assertThat(run.out()).as(run.toString()).contains("0 replayed, 1 parked");
    assertThat(DeadLetterTopic.read(dlt.original)).isEmpty();
    List<ConsumerRecord<byte[], byte[]>> parked = DeadLetterTopic.read(parking);
    assertThat(parked).hasSize(1);
    assertThat(DeadLetterTopic.header(parked.get(0), "replay-count")).isEqualTo("4");
    assertThat(DeadLetterTopic.header(parked.get(0), "kafka_dlt-exception-fqcn")).isEqualTo(FAILED);
  }

  @Test
  void replaySkipsADeadLetterWhoseValueWasLeftOutAndSaysWhereTheOriginalIs() {
    // Given
    String why = "the value of 3000081 bytes is too large for a dead letter (at most 1047552 bytes"
        + " with its key and headers); the original is at account-commands-4 offset 17";
    dlt.add("big", "", REJECTED, "too-large: value is 3000081 bytes", Map.of(
        MessageHeaders.DLT_VALUE_OMITTED, why));
    dlt.add("b", "{}", FAILED, "gave up: 503", Map.of());

    // When
    CliRun run = replay();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("skip partition 0 offset 0 key big").contains(": " + why)
        .contains("1 replayed, 0 parked, 1 skipped");
    assertThat(DeadLetterTopic.read(dlt.original)).extracting(record -> new String(record.key()))
        .containsExactly("b");
  }

  @Test
  void filtersTakeOnlyMatchingRecordsAndADryRunSendsNothing() {
    dlt.add("a", "{}", REJECTED, "not-json: x", Map.of());
    dlt.add("b", "{}", FAILED, "gave up: 503", Map.of());

    CliRun dry = replay("--exception=CommandFailed", "--dry-run");
    CliRun real = replay("--exception=CommandFailed");

    assertThat(dry.out()).as(dry.toString()).contains("would replay partition 0 offset 1 key b")
        .contains("dry run: 1 would be replayed, 0 would be parked, 1 skipped; nothing was sent or committed");
    assertThat(real.out()).as(real.toString()).contains("1 replayed, 0 parked, 1 skipped");
    assertThat(DeadLetterTopic.read(dlt.original)).extracting(record -> new String(record.key()))
        .containsExactly("b");
  }

  @Test
  void twoThousandDeadLettersAreReplayedInSecondsWithTheirProgressCommitted() {
    // Given the dead letters of an incident
    dlt.addMany("incident", 2_000, FAILED, "gave up after 6 API calls: 500");

    // When
    long start = System.nanoTime();
    CliRun run = replay();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // Then (one acknowledged send and one commit at a time took about 15 ms per record)
    assertThat(run.out()).as(run.toString()).contains("2000 replayed, 0 parked, 0 skipped");
    assertThat(took).as(run.toString()).isLessThan(Duration.ofSeconds(10));
    assertThat(DeadLetterTopic.read(dlt.original)).hasSize(2_000);
    assertThat(replay().out()).contains("0 replayed, 0 parked, 0 skipped");
  }

  @Test
  void deadLettersAFilterLeftAreReplayedByALaterRunWithoutAFilterAndNoneIsSentTwice() {
    // Given three dead letters, and an operator who first tries one of them by message ID
    dlt.add("a", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-a"));
    dlt.add("b", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-b"));
    dlt.add("c", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-c"));
    CliRun one = replay("--message-id=m-b");
    assertThat(one.out()).as(one.toString()).contains("1 replayed, 0 parked, 2 skipped")
        .contains("2 dead letters the filter left stay for a later run");

    // When the operator then replays the rest
    CliRun rest = replay();

    // Then the two the filter left are replayed, and the tried one is not sent again
    assertThat(rest.exitCode()).as(rest.toString()).isZero();
    assertThat(rest.out()).as(rest.toString()).contains("2 replayed, 0 parked, 1 skipped")
        .contains("1 dead letters an earlier run replayed or parked after one its filter left were"
            + " passed, not sent again");
    assertThat(DeadLetterTopic.read(dlt.original)).extracting(record -> new String(record.key()))
        .containsExactly("b", "a", "c");
    assertThat(replay().out()).contains("0 replayed, 0 parked, 0 skipped");
  }

  @Test
  void recordsHandledPastALeftOneStayHandledThroughSeveralFilteredRuns() {
    // Given five dead letters, tried one by one from the back
    for (String key : List.of("a", "b", "c", "d", "e")) {
      dlt.add(key, "{}", FAILED, "gave up: 503", Map.of("message-id", "m-" + key));
    }
    replay("--message-id=m-e");
    replay("--message-id=m-c");
    CliRun first = replay("--message-id=m-a");

    // When the rest are replayed
    CliRun rest = replay();

    // Then each was sent once: the first run's progress moved past a, and c and e stayed noted
    assertThat(first.out()).as(first.toString()).contains("1 replayed, 0 parked, 4 skipped")
        .contains("2 dead letters an earlier run replayed");
    assertThat(rest.out()).as(rest.toString()).contains("2 replayed, 0 parked, 2 skipped");
    assertThat(DeadLetterTopic.read(dlt.original)).extracting(record -> new String(record.key()))
        .containsExactly("e", "c", "a", "b", "d");
    assertThat(replay().out()).contains("0 replayed, 0 parked, 0 skipped");
  }

  @Test
  void replayRefusesWhileTheWorkerReportsItsBreakerOpenUnlessForced() {
    dlt.add("a", "{}", FAILED, "gave up: 503", Map.of());
    health.breaker("OPEN");

    CliRun refused = replay();
    CliRun forced = replay("--force");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("breaker OPEN").contains("--force");
    assertThat(forced.out()).as(forced.toString()).contains("1 replayed");
  }

  @Test
  void replayRefusesWhenTheHealthEndpointIsUnreachable() {
    dlt.add("a", "{}", FAILED, "gave up: 503", Map.of());
    String unreachable = health.url();
    health.close();

    CliRun run = CliRun.of("dlt", "replay", "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--dlt-topic=" + dlt.name, "--worker-url=" + unreachable, "--group-id=" + dlt.name);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("cannot be read: connection refused").contains("--worker-url")
        .doesNotContain("null");
    assertThat(DeadLetterTopic.read(dlt.original)).isEmpty();
  }

  @Test
  void eachRunAppendsOneAuditLine() {
    dlt.add("a", "{}", FAILED, "gave up: 503", Map.of());

    CliRun run = replay("--key=a");

    assertThat(run.out()).as(run.toString()).contains("audit: ");
    List<ConsumerRecord<byte[], byte[]>> lines = DeadLetterTopic.read(audit);
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0).value());
    assertThat(line.path("replayed").asLong()).isEqualTo(1);
    assertThat(line.path("filter").path("key").asString()).isEqualTo("a");
    assertThat(line.path("at").asString()).isNotBlank();
  }

  @Test
  void aDryRunPrintsItsAuditLineButWritesNothingToTheAuditTopic() {
    // Given a dead letter to replay and an audit topic that exists
    dlt.add("a", "{}", FAILED, "gave up: 503", Map.of());
    TestKafka.createTopics(1, audit);

    // When
    CliRun run = replay("--dry-run");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("audit: ").contains("\"dry_run\":true");
    assertThat(DeadLetterTopic.read(audit)).isEmpty();
    assertThat(DeadLetterTopic.read(dlt.original)).isEmpty();
  }

  @Test
  void controlCharactersFromADeadLetterArePrintedEscapedNeverSentToTheTerminal() {
    // Given a dead letter whose key, message ID and exception message hold escape sequences and
    // line breaks (anyone who can produce a command chooses its key and headers)
    dlt.add("k\u001b[2J", "{}", FAILED + "\u001b[31m", "gave up\u001b]0;owned\u0007 after 1 call: 503",
        Map.of("message-id", "m-1\nforged line"));

    // When
    CliRun dry = replay("--dry-run");
    CliRun list = dlt("list");

    // Then
    assertThat(dry.out()).as(dry.toString()).doesNotContain("\u001b").doesNotContain("\u0007")
        .contains("key k\\u001b[2J message-id m-1\\u000aforged line");
    assertThat(dry.out().lines()).as(dry.toString()).noneMatch(line -> line.startsWith("forged"));
    assertThat(list.out()).as(list.toString()).doesNotContain("\u001b").doesNotContain("\u0007")
        .contains("CommandFailedException\\u001b[31m");
  }

  @Test
  void replayingDeadLettersTheWorkerRejectedSaysTheyMeetTheSameRejection() {
    // Given an incident's failures among commands the worker rejected
    dlt.add("a", "not json", REJECTED, "not-json: value is not JSON (line 1)", Map.of());
    dlt.add("b", "{}", REJECTED, "no-message-id: no message ID", Map.of());
    dlt.add("c", "{}", FAILED, "gave up after 6 API calls: 503 Service unavailable: down", Map.of());

    // When
    CliRun run = replay("--dry-run");

    // Then
    assertThat(run.out()).as(run.toString()).contains("3 would be replayed")
        .contains("2 of them the worker had rejected (no-message-id, not-json): a replay meets the"
            + " same rejection");
  }

  @Test
  void aDeadLetterItsOriginalTopicRefusesForGoodIsParkedSayingWhyAndTheRunGoesOn() {
    // Given a dead letter the broker will never take back (its original topic is no valid name)
    dlt.add("good", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-good"));
    dlt.add("bad", "{}", REJECTED, "not-json: x", Map.of("message-id", "m-bad",
        "kafka_dlt-original-topic", "bad topic!"));
    dlt.add("after", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-after"));

    // When
    CliRun run = replay();
    CliRun again = replay();

    // Then it is parked, saying why, and the records around it are replayed
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("2 replayed, 1 parked, 0 skipped")
        .contains("park partition 0 offset 1 key bad message-id m-bad [CommandRejectedException:"
            + " not-json] -> " + parking + " (replay-count 1): bad topic! refused it for good: ")
        .contains("parked 1 refused for good by their original topic on " + parking)
        .doesNotContain("the worker had rejected");
    assertThat(DeadLetterTopic.read(dlt.original)).extracting(record -> new String(record.key()))
        .containsExactly("good", "after");
    List<ConsumerRecord<byte[], byte[]>> parked = DeadLetterTopic.read(parking);
    assertThat(parked).singleElement().satisfies(record -> {
      assertThat(new String(record.key())).isEqualTo("bad");
      assertThat(DeadLetterTopic.header(record, "provisioner-dlt-replay-refused"))
          .startsWith("bad topic!: ").contains("bad topic!]");
      assertThat(DeadLetterTopic.header(record, "kafka_dlt-original-topic")).isEqualTo("bad topic!");
      assertThat(DeadLetterTopic.header(record, "replay-count")).isEqualTo("1");
    });
    assertThat(again.out()).as(again.toString()).contains("0 replayed, 0 parked, 0 skipped");
  }

  @Test
  void aRecordTooLargeForItsOriginalTopicIsParkedAndTheOthersArriveThereInOrder() {
    // Given an original topic taking at most 2,000 bytes, and a dead letter larger than that
    // among others in the same partition
    String small = DeadLetterTopic.topicTakingAtMost("small-commands", 2_000);
    Map<String, String> toSmall = Map.of("kafka_dlt-original-topic", small);
    dlt.add("k", "{\"n\":1}", FAILED, "gave up: 503", toSmall);
    dlt.add("k", "x".repeat(5_000), FAILED, "gave up: 503", toSmall);
    dlt.add("k", "{\"n\":2}", FAILED, "gave up: 503", toSmall);
    dlt.add("k", "{\"n\":3}", FAILED, "gave up: 503", toSmall);

    // When
    CliRun run = replay();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("3 replayed, 1 parked, 0 skipped");
    assertThat(DeadLetterTopic.read(small)).extracting(record -> new String(record.value()))
        .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    assertThat(DeadLetterTopic.read(parking)).singleElement().satisfies(record -> {
      assertThat(record.value()).hasSize(5_000);
      assertThat(DeadLetterTopic.header(record, "provisioner-dlt-replay-refused")).startsWith(small + ": ");
    });

    // And once the topic takes it, replaying the parking topic as the run said delivers it
    DeadLetterTopic.raiseMaxMessageBytes(small, 10_000);
    CliRun fixed = CliRun.of("dlt", "replay", "--worker-url=" + health.url(),
        "--parking-topic=" + parking, "--audit-topic=" + audit, "--group-id=" + parking + "-replay",
        "--bootstrap-servers=" + TestKafka.bootstrapServers(), "--dlt-topic=" + parking);
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(fixed.out()).as(fixed.toString()).contains("1 replayed, 0 parked, 0 skipped");
    assertThat(DeadLetterTopic.read(small)).extracting(record -> record.value().length)
        .containsExactly(7, 7, 7, 5_000);
  }

  @Test
  void aRecordNeitherItsOriginalTopicNorTheParkingTopicTakesStopsTheReplaySayingWhereTheNextRunStarts() {
    // Given a dead letter too large for its original topic and for the parking topic
    String small = DeadLetterTopic.topicTakingAtMost("small-commands", 2_000);
    parking = DeadLetterTopic.topicTakingAtMost("small-parked", 2_000);
    dlt.add("good", "{}", FAILED, "gave up: 503", Map.of("message-id", "m-good"));
    dlt.add("big", "x".repeat(5_000), FAILED, "gave up: 503", Map.of("message-id", "m-big",
        "kafka_dlt-original-topic", small));

    // When
    CliRun run = replay();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).as(run.toString()).singleElement().asString()
        .startsWith("error: cannot re-publish the dead letter at partition 0 offset 1 (key big,"
            + " message-id m-big) to " + small + ": ")
        .contains(", nor park it on " + parking + ": ")
        .endsWith("; the dead letters before it are re-published and committed, and running the"
            + " replay again starts from it");
    assertThat(DeadLetterTopic.read(dlt.original)).hasSize(1);
    assertThat(replay("--dry-run").out()).contains("would replay partition 0 offset 1 key big")
        .doesNotContain("offset 0");
  }

  @Test
  void aDeadLetterTopicThatDoesNotExistIsBadSettingsNamingIt() {
    // Given
    String missing = TestKafka.uniqueTopic("no-such-dlt");

    // When
    CliRun run = CliRun.of("dlt", "list", "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--dlt-topic=" + missing);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.toString())
        .containsExactly("error: the dead-letter topic " + missing + " does not exist");
  }

  @Test
  void showingAPartitionTheTopicDoesNotHaveIsBadUsageNamingIt() {
    // Given
    dlt.add("k0", "first", REJECTED, "not-json: x", Map.of());

    // When
    CliRun run = dlt("show", "--partition", "99", "--offset", "0");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.toString())
        .containsExactly("error: the dead-letter topic has no partition 99");
  }

  private CliRun dlt(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "dlt";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--bootstrap-servers=" + TestKafka.bootstrapServers();
    String[] withTopic = java.util.Arrays.copyOf(all, all.length + 1);
    withTopic[all.length] = "--dlt-topic=" + dlt.name;
    return CliRun.of(withTopic);
  }

  private CliRun replay(String... options) {
    String[] base = {"replay", "--worker-url=" + health.url(), "--parking-topic=" + parking,
        "--audit-topic=" + audit, "--group-id=" + dlt.name + "-replay"};
    String[] args = java.util.Arrays.copyOf(base, base.length + options.length);
    System.arraycopy(options, 0, args, base.length, options.length);
    return dlt(args);
  }
}
