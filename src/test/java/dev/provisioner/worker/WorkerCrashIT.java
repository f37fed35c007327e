package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged worker killed, terminated, and left without its broker: nothing is lost, no
 * account is made twice, and every command has exactly one reply visible to read_committed.
 */
class WorkerCrashIT {

  private static final Logger log = LoggerFactory.getLogger(WorkerCrashIT.class);
  private static final Duration FINISH = Duration.ofSeconds(120);
  /** One consumer per process, so that each of two workers owns some of the three partitions. */
  private static final String ONE_CONSUMER = "--spring.kafka.listener.concurrency=1";

  /** Under target/, not a temporary directory, so that the processes' logs outlive a failure. */
  private final Path workDir = Path.of("target", "it-work", "crash-" + java.util.UUID.randomUUID());

  @Test
  void givenA5000CommandRunWhenTheWorkerIsKilled9ThreeTimesAndRestartedThenNothingIsLostOrDuplicated()
      throws Exception {
    int sent = 5_000;
    try (WorkerProcessRun run = new WorkerProcessRun(workDir, "--sandbox.faults.latency-ms=20")) {
      run.sendAll(FaultInjectionTest.commands(sent));
      run.startWorker();
      for (int kill = 1; kill <= 3; kill++) {
        long threshold = sent * kill / 4;
        awaitAnswered(run, threshold);
        run.worker().kill9();
        log.info("FIGURES kill -9 #{} with {} of {} answered", kill, run.answered(), sent);
        assertThat(run.answered()).as("killed before the end").isLessThan(sent);
        run.startWorker();
      }
      awaitAnswered(run, sent);

      assertExactlyOneCreatedReplyEach(run, "kill-9-three-times", sent);
    }
  }

  @Test
  void givenARunWhenTheWorkerGetsSigtermThenItStopsWithinBoundsAndAfterARestartEachCommandHasOneReply()
      throws Exception {
    int sent = 2_000;
    try (WorkerProcessRun run = new WorkerProcessRun(workDir, "--sandbox.faults.latency-ms=20")) {
      run.sendAll(FaultInjectionTest.commands(sent));
      run.startWorker();
      awaitAnswered(run, sent / 4);

      long start = System.nanoTime();
      int exit = run.worker().terminate(Duration.ofSeconds(40));
      long stoppedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(run.worker().stdout()).as("the stop is in the log")
          .contains("worker stopping").contains("partitions revoked: " + run.commands);
      log.info("FIGURES SIGTERM: exit {} after {} ms with {} of {} answered", exit, stoppedMs,
          run.answered(), sent);
      assertThat(run.answered()).as("terminated before the end").isLessThan(sent);
      run.startWorker();
      awaitAnswered(run, sent);

      assertExactlyOneCreatedReplyEach(run, "sigterm", sent);
    }
  }

  @Test
  void givenARunWhenTheBrokerRestartsThenTheWorkerReconnectsAndNothingIsLost() throws Exception {
    int sent = 2_000;
    try (WorkerProcessRun run = new WorkerProcessRun(workDir, "--sandbox.faults.latency-ms=20")) {
      run.sendAll(FaultInjectionTest.commands(sent));
      run.startWorker();
      awaitAnswered(run, sent / 4);

      run.broker.restart();
      log.info("FIGURES broker restarted with {} of {} answered", run.answered(), sent);
      awaitAnswered(run, sent);

      assertThat(run.worker().isAlive()).as("the worker survived").isTrue();
      assertExactlyOneCreatedReplyEach(run, "broker-restart", sent);
    }
  }

  /**
   * A killed worker restarted at once joins a rebalance that waits out the dead member's session,
   * every worker idle meanwhile: with Kafka's 45 s default the replies paused for 37 s.
   */
  @Test
  void givenTwoWorkersWhenOneIsKilled9AndRestartedAtOnceThenRepliesPauseForLessThan15Seconds()
      throws Exception {
    int sent = 6_000;
    try (WorkerProcessRun run = new WorkerProcessRun(workDir, "--sandbox.faults.latency-ms=100");
        JarProcess survivor = run.startMember(ONE_CONSUMER)) {
      run.sendAll(FaultInjectionTest.commands(sent));
      long killedAt;
      try (JarProcess victim = run.startMember(ONE_CONSUMER)) {
        survivor.awaitOutput("worker ready", Duration.ofSeconds(180));
        victim.awaitOutput("worker ready", Duration.ofSeconds(180));
        awaitAnswered(run, run.answered() + 300);
        killedAt = System.currentTimeMillis();
        victim.kill9();
      }
      try (JarProcess restarted = run.startMember(ONE_CONSUMER)) {
        awaitAnswered(run, sent);
        long pauseMs = longestPauseAfter(run, killedAt);
        log.info("FIGURES kill -9 and restart of one of two workers: longest pause in replies {} ms", pauseMs);
        assertThat(pauseMs).as("longest pause in replies after the kill, ms").isLessThan(15_000);
        assertThat(survivor.stdout()).as("the survivor's log names the partitions it took and gave up")
            .contains("partitions assigned: " + run.commands).contains("partitions revoked: " + run.commands);
        assertExactlyOneCreatedReplyEach(run, "kill-9-one-of-two", sent);
      }
    }
  }

  /** The longest time between two replies sent (their timestamps) from {@code since} on. */
  private static long longestPauseAfter(WorkerProcessRun run, long since) {
    List<Long> times = run.replies().stream().map(ConsumerRecord::timestamp).sorted().toList();
    long previous = since;
    long longest = 0;
    for (long time : times) {
      if (time >= since) {
        longest = Math.max(longest, time - previous);
        previous = time;
      }
    }
    return longest;
  }

  private static void awaitAnswered(WorkerProcessRun run, long count) {
    await().atMost(FINISH).pollInterval(Duration.ofMillis(200))
        .conditionEvaluationListener(condition -> {
          if (condition.getElapsedTimeInMS() % 10_000 < 200) {
            log.info("{} of {} answered after {} ms", run.answered(), count, condition.getElapsedTimeInMS());
          }
        })
        .until(() -> run.answered() >= count);
  }

  private static void assertExactlyOneCreatedReplyEach(WorkerProcessRun run, String name, int sent) {
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> run.replies().size() == sent);
    Figures figures = run.figures(name, sent);
    assertThat(figures.answeredCommands()).as("commands answered").isEqualTo(sent);
    FaultInjectionTest.assertAllCreatedOnce(figures, sent);
  }
}
