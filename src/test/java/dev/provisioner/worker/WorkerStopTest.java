package dev.provisioner.worker;

import static dev.provisioner.worker.FaultInjectionTest.assertAllCreatedOnce;
import static dev.provisioner.worker.FaultInjectionTest.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.provisioner.testing.TestKafka;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker stopped while its batch still waits on the API: it leaves its batch to the next worker
 * when it would have to call the API again, waits for the calls in flight however long the
 * settings let them run, and says so in one line, not as an error.
 */
class WorkerStopTest {

  private static final Pattern HANDED_BACK = Pattern.compile(
      "worker stopping: (\\d+) of the batch's (\\d+) commands answered and committed; the other (\\d+) handed back "
          + "to the next worker");

  @Test
  void givenABatchWaitingOnAFailingApiWhenTheWorkerStopsThenItLeavesAtOnceAndTheNextWorkerCreatesEachCommandOnce()
      throws Exception {
    // Given an API that fails every request: the batch's commands wait on the open breaker and
    // retry, without end until max-batch-wait (2 min); a shutdown phase of 20 s (Spring's default: 30 s)
    try (WorkerFixture fixture = failingApiWorker()) {
      fixture.sendAll(FaultInjectionTest.commands(50));
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sandboxJson("/_sandbox/stats").path("total").asLong() >= 50);

      // When the worker stops
      fixture.worker.close();

      // Then its consumers have left the group: before, the batch went on past the shutdown phase,
      // the API client and the retry scheduler were closed under it, its retries dropped, and it
      // held its partitions until max-batch-wait
      assertThat(members(fixture.commands)).as("members of the group once the worker stopped").isEmpty();

      // Then the next worker, against an API that works again, creates each command once
      assertNextWorkerCreatesEachOnce(fixture, 50);
    }
  }

  @Test
  void givenABatchWaitingOnAFailingApiWhenTheWorkerStopsThenItLogsTheCommandsHandedBackAtInfoWithoutAnError()
      throws Exception {
    // Given a batch of 50 commands whose retries wait on a failing API
    try (WorkerFixture fixture = failingApiWorker()) {
      fixture.sendAll(FaultInjectionTest.commands(50));
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sandboxJson("/_sandbox/stats").path("total").asLong() >= 50);

      // When the worker stops
      List<ILoggingEvent> events;
      try (LogCapture log = LogCapture.start()) {
        fixture.worker.close();
        events = log.events();
      }

      // Then one INFO line per consumer's batch says how many of its commands go back to the next
      // worker, without a stack trace, and all 50 are counted; nothing is logged as an error
      // (before: spring-kafka's "Transaction rolled back" ERROR with the stack trace of the stop)
      assertThat(events).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
          .extracting(ILoggingEvent::getFormattedMessage).as("errors logged by the stop").isEmpty();
      List<ILoggingEvent> handedBack = events.stream()
          .filter(event -> HANDED_BACK.matcher(event.getFormattedMessage()).find()).toList();
      assertThat(handedBack).as("lines of batches handed back").isNotEmpty().allSatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getThrowableProxy()).isNull();
      });
      assertThat(handedBack.stream().mapToInt(event -> count(event, 1) + count(event, 3)).sum())
          .as("commands answered and handed back").isEqualTo(50);
      assertThat(handedBack.stream().mapToInt(event -> count(event, 3)).sum()).as("commands handed back").isPositive();
    }
  }

  @Test
  void givenABatchFailingPastMaxBatchWaitWhenItIsRolledBackThenTheRollbackIsStillLoggedAsAnError() {
    // Given a worker whose batch waits on a failing API for at most 3 s, and its log captured
    String[] settings = Stream.concat(Stream.of(FaultInjectionTest.FAST),
        Stream.of("--provisioner.resilience.max-batch-wait=3s")).toArray(String[]::new);
    try (WorkerFixture fixture = new WorkerFixture(List.of("--sandbox.faults.failure-rate=1.0"), settings);
        LogCapture log = LogCapture.start()) {

      // When the batch fails past its wait, with the worker running
      fixture.sendAll(FaultInjectionTest.commands(5));
      await().atMost(Duration.ofSeconds(60))
          .until(() -> BreakerTest.worker(fixture).path("rolledBackBatches").asLong() >= 1);

      // Then the rollback is an ERROR with its stack trace, as before: only a stop is not an error
      assertThat(log.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
          .filteredOn(event -> event.getThrowableProxy() != null)
          .extracting(ILoggingEvent::getFormattedMessage).contains("Transaction rolled back");
    }
  }

  @Test
  void givenCallsInFlightLongerThanTheShutdownPhaseWhenTheWorkerStopsThenItWaitsForThemAndNoneFails()
      throws Exception {
    // Given calls that take 12 s, a request timeout (20 s) that lets them, and a shutdown phase of
    // 3 s (Spring's default: 30 s, against a request timeout that may be set to more)
    try (WorkerFixture fixture = new WorkerFixture(List.of("--sandbox.faults.latency-ms=12000"),
        "--provisioner.api.request-timeout=20s", "--spring.lifecycle.timeout-per-shutdown-phase=3s")) {
      fixture.sendAll(FaultInjectionTest.commands(20));
      await().atMost(Duration.ofSeconds(60))
          .until(() -> fixture.sandboxJson("/_sandbox/stats").path("in_flight").asLong() >= 20);

      // When the worker stops while the 20 calls are in flight
      fixture.worker.close();

      // Then the next worker finds each command created once, none failed or dead-lettered
      // (before: the phase ended under the calls, the API client was closed, and the commands
      // were answered failed)
      assertNextWorkerCreatesEachOnce(fixture, 20);
    }
  }

  private static WorkerFixture failingApiWorker() {
    String[] settings = Stream.concat(Stream.of(FaultInjectionTest.FAST),
        Stream.of("--spring.lifecycle.timeout-per-shutdown-phase=20s")).toArray(String[]::new);
    return new WorkerFixture(List.of("--sandbox.faults.failure-rate=1.0"), settings);
  }

  private static void assertNextWorkerCreatesEachOnce(WorkerFixture fixture, int sent) {
    fixture.sandboxAdmin("PUT", "/_sandbox/faults", "{}");
    try (ConfigurableApplicationContext next = fixture.startAnotherWorker()) {
      // Each command has one reply, created, and none was dead-lettered (before, a command
      // calling the closed client could be answered failed, or dead-lettered without a reply)
      awaitReplies(fixture, sent, Duration.ofSeconds(120));
      assertAllCreatedOnce(Figures.of("stopped-mid-batch", sent, fixture), sent);
    }
  }

  private static int count(ILoggingEvent event, int group) {
    Matcher matcher = HANDED_BACK.matcher(event.getFormattedMessage());
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(group));
  }

  private static Collection<MemberDescription> members(String group) throws Exception {
    try (Admin admin = TestKafka.admin()) {
      return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members();
    }
  }
}
