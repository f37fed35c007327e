package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole worker against randomised {@link Scenario}s: hot keys and chains, producer retries,
 * taken references, reused message IDs and invalid records, sent while the sandbox's faults change
 * phase by phase (errors, latency, lost answers, renamed conflicts, outages, a rate limit), the
 * worker stopped and started once, and a second worker joining the group for some phases. After
 * the faults stop and the failed commands are replayed from their dead letters, the
 * {@link ScenarioInvariants} must hold.
 *
 * <p>A fixed seed and a few tries keep it repeatable and short; shrinking is off (each try is a
 * whole run), and a failure prints the seed and the scenario.
 */
class WorkerInvariantsTest {

  private static final Logger log = LoggerFactory.getLogger(WorkerInvariantsTest.class);
  private static final Duration PHASE_WAIT = Duration.ofSeconds(60);
  private static final Duration FINISH = Duration.ofSeconds(120);
  /** {@link FaultInjectionTest#FAST}, but 3 attempts: some commands give up, and are replayed. */
  private static final String[] SETTINGS = Stream.of(FaultInjectionTest.FAST)
      .map(arg -> arg.startsWith("--provisioner.resilience.max-attempts=") ? "--provisioner.resilience.max-attempts=3" : arg)
      .toArray(String[]::new);

  private static WorkerFixture fixture;
  private static ConfigurableApplicationContext worker;
  /** A second worker of the group while the scenario has it (its start and stop are rebalances), else null. */
  private static @Nullable ConfigurableApplicationContext second;

  @BeforeContainer
  static void startWorker() {
    fixture = new WorkerFixture(SETTINGS);
    worker = fixture.worker;
  }

  @AfterContainer
  static void stopWorker() {
    worker.close();
    fixture.close();
  }

  @Property(tries = 3, seed = "20261124", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
      afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void afterAnyScenarioOfFaultsEveryCommandHasOneReplyMatchingTheAccountsAndAtMostOneAccountEach(
      @ForAll("scenarios") Scenario scenario) {
    log.info("running {}", scenario.summary());
    long start = System.nanoTime();
    int sent;
    List<ConsumerRecord<byte[], byte[]>> before;
    int replayed;
    try {
      sent = runPhases(scenario);
      FaultPhase.NONE.apply(fixture);
      fixture.sandboxAdmin("DELETE", "/_sandbox/outage", "");
      awaitAnswered(scenario, sent, FINISH);
      before = replies(scenario);
      replayed = replayFailed(before);
      await().atMost(FINISH).until(() -> replies(scenario).size() >= before.size() + replayed);
    } finally {
      leave();
    }

    List<String> violations = new ScenarioInvariants(scenario, before, replies(scenario),
        fixture.allDeadLetters(), accounts(scenario)).violations();
    log.info("FIGURES invariants seed {} ({}): {} records, {} replies, {} replayed from dead letters, {} violations in {} ms",
        scenario.seed(), scenario.prefix(), sent, before.size(), replayed, violations.size(), (System.nanoTime() - start) / 1_000_000);
    assertThat(violations).as(scenario.toString()).isEmpty();
  }

  /**
   * Sends each phase's records under its faults, the worker restarted and a second one joining and
   * leaving where the scenario says; returns how many records were sent.
   */
  private static int runPhases(Scenario scenario) {
    int sent = 0;
    for (int i = 0; i < scenario.phases().size(); i++) {
      Scenario.Phase phase = scenario.phases().get(i);
      phase.fault().apply(fixture);
      fixture.sendRecords(phase.records().stream().map(record -> record.toRecord(fixture.commands)).toList());
      sent += phase.records().size();
      if (i == scenario.restartAfter()) {
        worker.close();
        worker = fixture.startAnotherWorker();
      }
      if (i == scenario.joinAfter()) {
        second = fixture.startAnotherWorker();
      }
      if (i == scenario.leaveAfter()) {
        leave();
      }
      // the next phase's faults meet this phase's commands in flight
      awaitAnswered(scenario, sent - phase.records().size() / 2, PHASE_WAIT);
    }
    return sent;
  }

  /** Stops the second worker, when it runs: it leaves the group as a SIGTERM would. */
  private static void leave() {
    if (second != null) {
      second.close();
      second = null;
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.longs().map(Scenario::generate);
  }

  /**
   * Waits until {@code count} of the scenario's records are answered: by a reply, or, with no
   * message ID to reply to, by a dead letter.
   */
  private static void awaitAnswered(Scenario scenario, int count, Duration atMost) {
    Set<String> silent = scenario.records().stream().filter(record -> record.messageId() == null)
        .map(ScenarioRecord::value).collect(Collectors.toSet());
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> replies(scenario).size()
          + fixture.allDeadLetters().stream().filter(dead -> silent.contains(text(dead.value()))).count() >= count);
    } catch (ConditionTimeoutException ex) {
      throw new AssertionError("fewer than " + count + " of the records answered within " + atMost + " ("
          + replies(scenario).size() + " replies) in " + scenario, ex);
    }
  }

  /** Sends each failed command's dead letter again, as {@code dlt replay} does; returns how many. */
  private static int replayFailed(List<ConsumerRecord<byte[], byte[]>> replies) {
    Set<String> failed = replies.stream().filter(reply -> "failed".equals(WorkerFixture.value(reply)
        .path("status").asString())).map(WorkerInvariantsTest::idAndKey).collect(Collectors.toSet());
    List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> dead : fixture.allDeadLetters()) {
      if (failed.contains(idAndKey(dead))) {
        again.add(new ProducerRecord<>(fixture.commands, dead.key(), dead.value()));
      }
    }
    fixture.sendRecords(again);
    return again.size();
  }

  private static String idAndKey(ConsumerRecord<byte[], byte[]> record) {
    return WorkerFixture.header(record, MessageHeaders.MESSAGE_ID) + " on "
        + (record.key() == null ? "" : text(record.key()));
  }

  private static List<ConsumerRecord<byte[], byte[]>> replies(Scenario scenario) {
    String prefix = scenario.prefix() + "-";
    return fixture.allReplies().stream().filter(reply -> {
      String id = WorkerFixture.header(reply, MessageHeaders.MESSAGE_ID);
      return id != null && id.startsWith(prefix);
    }).toList();
  }

  private static Map<String, List<JsonNode>> accounts(Scenario scenario) {
    List<JsonNode> all = new ArrayList<>();
    fixture.sandboxJson("/_sandbox/accounts").forEach(all::add);
    return all.stream().filter(account -> account.path("external_reference").asString()
            .startsWith(scenario.prefix() + "-"))
        .collect(Collectors.groupingBy(account -> account.path("external_reference").asString()));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
