package dev.provisioner.accounts;

import static dev.provisioner.testing.HostileServer.write;

import dev.provisioner.testing.HostileServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the heap the worker's API client holds while {@code calls} calls in flight each
 * receive a large response body that the server holds open one byte short of its end: what a
 * broken API or proxy answering every call with a large page costs. Prints the heap used after a
 * full GC before the calls and while they are held.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.provisioner.accounts.HeldBodiesMemory 256 262000
 * </pre>
 */
public final class HeldBodiesMemory {

  private HeldBodiesMemory() {
  }

  public static void main(String[] args) throws Exception {
    int calls = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    byte[] body = new byte[size - 1];
    Arrays.fill(body, (byte) 'a');
    var release = new CountDownLatch(1);
    HostileServer.Script holding = (head, out, socket) -> {
      write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " + size + "\r\n\r\n");
      out.write(body);
      out.flush();
      release.await();
      write(out, "a");
      return false;
    };
    var mapper = JsonMapper.builder().build();
    try (var server = new HostileServer(holding); var api = new VertxAccountsApi(new ApiSettings(
        URI.create(server.baseUrl().toString()), "sk_test_memory", Duration.ofSeconds(2),
        Duration.ofSeconds(60)), mapper, Clock.systemUTC())) {
      long before = usedAfterGc();
      List<CompletableFuture<ApiOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        outcomes.add(api.create(mapper.readTree("{\"external_reference\":\"ref-1\"}"), "memory-" + i));
      }
      Thread.sleep(8_000); // the bodies arrive; no outcome can tell when all have
      long held = usedAfterGc();
      System.out.printf("%d calls, bodies of %d bytes held open: heap after GC %d MiB before, %d MiB "
          + "while held (%s)%n", calls, size, before >> 20, held >> 20, Runtime.version());
      release.countDown();
      for (CompletableFuture<ApiOutcome> outcome : outcomes) {
        outcome.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(500);
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
