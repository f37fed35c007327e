package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Point 7: injected latency holds no thread, so 2,000 requests in flight at 50 ms latency all
 * complete, each creating exactly one account.
 */
class ConcurrencyTest {

  private static final int REQUESTS = 2_000;

  @Test
  void twoThousandConcurrentCreatesAt50msLatencyAllSucceed() {
    try (Sandbox sandbox = Sandbox.start("--sandbox.faults.latency-ms=50")) {
      SandboxClient admin = new SandboxClient(sandbox);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
          .mapToObj(i -> http.sendAsync(create(sandbox, i), HttpResponse.BodyHandlers.ofString()))
          .toList();
      List<HttpResponse<String>> done = responses.stream().map(CompletableFuture::join).toList();

      assertThat(done).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
      Set<String> ids = done.stream().map(r -> SandboxClient.json(r).get("id").asString())
          .collect(Collectors.toSet());
      assertThat(ids).hasSize(REQUESTS);
      assertThat(admin.accountCount()).isEqualTo(REQUESTS);
      assertThat(admin.admin("GET", "/_sandbox/stats", "").get("by_status").get("201").asLong())
          .isEqualTo(REQUESTS);
    }
  }

  private static HttpRequest create(Sandbox sandbox, int i) {
    return HttpRequest.newBuilder(sandbox.baseUrl().resolve("/billing/accounts"))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", SandboxClient.KEY)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "conc-" + i)
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"customer\": {\"external_reference\": \"C-" + i + "\"},"
                + " \"external_reference\": \"INV-" + i + "\"}"))
        .build();
  }
}
