package dev.provisioner.worker;

import static dev.provisioner.worker.FaultInjectionTest.assertAllCreatedOnce;
import static dev.provisioner.worker.FaultInjectionTest.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.testing.TestKafka;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker stopped while its batch still waits on the API, longer than Spring's shutdown phase
 * allows: it leaves its batch to the next worker at once, which answers every command once.
 */
class WorkerStopTest {

  @Test
  void givenABatchWaitingOnAFailingApiWhenTheWorkerStopsThenItLeavesAtOnceAndTheNextWorkerCreatesEachCommandOnce()
      throws Exception {
    // Given an API that fails every request: the batch's commands wait on the open breaker and
    // retry, without end until max-batch-wait (2 min); a shutdown phase of 20 s (Spring's default: 30 s)
    String[] settings = Stream.concat(Stream.of(FaultInjectionTest.FAST),
        Stream.of("--spring.lifecycle.timeout-per-shutdown-phase=20s")).toArray(String[]::new);
    try (WorkerFixture fixture = new WorkerFixture(List.of("--sandbox.faults.failure-rate=1.0"), settings)) {
      fixture.sendAll(FaultInjectionTest.commands(50));
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sandboxJson("/_sandbox/stats").path("total").asLong() >= 50);

      // When the worker stops
      fixture.worker.close();

      // Then its consumers have left the group: before, the batch went on past the shutdown phase,
      // the API client and the retry scheduler were closed under it, its retries dropped, and it
      // held its partitions until max-batch-wait
      assertThat(members(fixture.commands)).as("members of the group once the worker stopped").isEmpty();

      // When the next worker starts against an API that works again
      fixture.sandboxAdmin("PUT", "/_sandbox/faults", "{}");
      try (ConfigurableApplicationContext next = fixture.startAnotherWorker()) {

        // Then each command has one reply, created, and none was dead-lettered (before, a command
        // calling the closed client could be answered failed, or dead-lettered without a reply)
        awaitReplies(fixture, 50, Duration.ofSeconds(120));
        assertAllCreatedOnce(Figures.of("stopped-mid-batch", 50, fixture), 50);
      }
    }
  }

  private static Collection<MemberDescription> members(String group) throws Exception {
    try (Admin admin = TestKafka.admin()) {
      return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members();
    }
  }
}
