package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.Sandbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SandboxControlTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void givenAnAccountAndALatency_whenTheAccountsAreForgotten_thenNoneIsLeftAndTheLatencyStays()
      throws Exception {
    try (Sandbox sandbox = Sandbox.start("--logging.level.root=WARN")) {
      SandboxControl control = new SandboxControl(sandbox.baseUrl());
      control.resetWithFaults("{\"latency_ms\": 7}");
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(
              sandbox.baseUrl().resolve("/billing/accounts"))
          .header("Authorization", "Bearer " + SutSpec.API_KEY)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "bench-test-1")
          .POST(HttpRequest.BodyPublishers.ofString(BenchCommands.account("t", 1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(get(sandbox, "/_sandbox/accounts/count").path("count").asInt()).isEqualTo(1);

      control.forgetAccounts();

      assertThat(get(sandbox, "/_sandbox/accounts/count").path("count").asInt()).isZero();
      assertThat(get(sandbox, "/_sandbox/faults").path("latency_ms").asInt()).isEqualTo(7);
    }
  }

  private JsonNode get(Sandbox sandbox, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
