package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** A 429 storm: the worker waits as long as the API's {@code Retry-After} says, then creates all. */
class RetryAfterTest {

  private static final Logger log = LoggerFactory.getLogger(RetryAfterTest.class);
  private static final int IN_FLIGHT = 16;
  private static final long RETRY_AFTER_SECONDS = 3;
  private static final Duration STORM = Duration.ofSeconds(10);

  @Test
  void givenEveryRequestGets429WithRetryAfterWhenCommandsRunThenRequestsComeInBurstsRetryAfterApartAndAllAreCreated()
      throws Exception {
    List<String> args = new ArrayList<>(List.of(FaultInjectionTest.FAST));
    args.add("--provisioner.worker.in-flight=" + IN_FLIGHT);
    try (WorkerFixture fixture = new WorkerFixture(List.of(), args.toArray(String[]::new))) {
      fixture.sandboxAdmin("PATCH", "/_sandbox/faults", """
          {"failure_rate": 1.0, "failure_status": 429, "retry_after_seconds": %d}"""
          .formatted(RETRY_AFTER_SECONDS));
      fixture.sendAll(FaultInjectionTest.commands(300));
      List<long[]> samples = sample429s(fixture, STORM);
      JsonNode stormStats = fixture.sandboxJson("/_sandbox/stats");
      fixture.sandboxAdmin("PATCH", "/_sandbox/faults", "{\"failure_rate\": 0}");
      FaultInjectionTest.awaitReplies(fixture, 300, Duration.ofSeconds(60));

      List<long[]> bursts = bursts(samples);
      long stormRequests = samples.get(samples.size() - 1)[1];
      Figures figures = Figures.of("429-storm", 300, fixture);
      log.info("FIGURES 429-storm: {} requests answered 429 in {}s with Retry-After {}s, in {} bursts "
          + "(start ms, end ms, requests): {}; the sandbox's stats then: {}", stormRequests, STORM.toSeconds(),
          RETRY_AFTER_SECONDS, bursts.size(), bursts.stream().map(java.util.Arrays::toString).toList(), stormStats);
      assertThat(stormRequests).as("requests during the storm").isPositive();
      assertThat(bursts).as("bursts: at most one per Retry-After").hasSizeLessThanOrEqualTo(
          (int) (STORM.toSeconds() / RETRY_AFTER_SECONDS + 1));
      // A burst is the commands in flight, plus the few whose retry got its stored 429 replayed (no
      // hold) and looked the account up before the burst's first fresh 429 came back with its hold.
      assertThat(bursts).as("requests per burst").allSatisfy(burst -> assertThat(burst[2])
          .isLessThanOrEqualTo(2L * IN_FLIGHT));
      for (int i = 1; i < bursts.size(); i++) {
        assertThat(bursts.get(i)[0] - bursts.get(i - 1)[1]).as("quiet time before burst " + i)
            .isGreaterThanOrEqualTo(RETRY_AFTER_SECONDS * 1000 * 2 / 3);
      }
      FaultInjectionTest.assertAllCreatedOnce(figures, 300);
    }
  }

  /** (ms since start, 429s so far) every 25 ms, for {@code length}. */
  private static List<long[]> sample429s(WorkerFixture fixture, Duration length) throws InterruptedException {
    List<long[]> samples = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    Thread sampler = new Thread(() -> {
      while (System.nanoTime() - start < length.toNanos()) {
        long count = fixture.sandboxJson("/_sandbox/stats").path("by_status").path("429").asLong();
        samples.add(new long[] {(System.nanoTime() - start) / 1_000_000, count});
        java.util.concurrent.locks.LockSupport.parkNanos(25_000_000);
      }
    });
    sampler.start();
    sampler.join();
    return samples;
  }

  /** Runs of rising samples no more than 500 ms apart: (first rise ms, last rise ms, requests). */
  private static List<long[]> bursts(List<long[]> samples) {
    List<long[]> bursts = new ArrayList<>();
    long[] current = null;
    for (int i = 1; i < samples.size(); i++) {
      long rise = samples.get(i)[1] - samples.get(i - 1)[1];
      long at = samples.get(i)[0];
      if (rise == 0) {
        continue;
      }
      if (current != null && at - current[1] <= 500) {
        current[1] = at;
        current[2] += rise;
      } else {
        current = new long[] {at, at, rise};
        bursts.add(current);
      }
    }
    return bursts;
  }
}
