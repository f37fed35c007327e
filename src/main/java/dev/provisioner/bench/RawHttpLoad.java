package dev.provisioner.bench;

import dev.provisioner.accounts.VertxAccountsApi;
import dev.provisioner.command.IdempotencyKeys;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling: the same client, sandbox and in-flight limit, no Kafka. Latency here is the time of
 * one call (there is no backlog to wait in).
 */
final class RawHttpLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RawHttpLoad() {
  }

  /** Makes the calls of commands {@code from..to-1} of {@code spec}'s run. */
  static Completions.Measured run(SutSpec spec, int from, int to) throws InterruptedException {
    Completions completions = new Completions(to - from, CpuSample::ofThisProcess);
    Semaphore slots = new Semaphore(spec.inFlight());
    CountDownLatch done = new CountDownLatch(to - from);
    String run = spec.topicPrefix();
    try (var api = new VertxAccountsApi(BenchCommands.apiSettings(spec), JSON)) {
      for (int seq = from; seq < to; seq++) {
        JsonNode body = JSON.readTree(BenchCommands.account(run, seq));
        String key = IdempotencyKeys.forCreate(BenchCommands.messageId(run, seq), 0);
        slots.acquire();
        long sent = System.nanoTime();
        api.create(body, key).whenComplete((outcome, failure) -> {
          long now = System.nanoTime();
          completions.record(now, now - sent);
          slots.release();
          done.countDown();
        });
      }
      done.await();
    }
    return completions.measured();
  }
}
