package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Point 6: latency, failures, outages and the duplicate-maker, set at run time through
 * {@code /_sandbox/}; injected failures go through the idempotency store.
 */
class FaultInjectionTest extends SandboxTestBase {
  @Test
  void addsTheConfiguredLatency() {
    client.admin("PUT", "/_sandbox/faults", "{\"latency_ms\": 300, \"jitter_ms\": 50}");
    long start = System.nanoTime();

    HttpResponse<String> response = client.createAccount("lat-1", SandboxClient.accountJson("A1"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anInjectedFailureIsStoredUnderTheKeyAndReplayedWhileNothingIsCreated() {
    client.admin("PUT", "/_sandbox/faults", "{\"failure_rate\": 1.0, \"failure_status\": 503}");
    HttpResponse<String> first = client.createAccount("fail-1", SandboxClient.accountJson("A1"));
    client.admin("PUT", "/_sandbox/faults", "{}");

    HttpResponse<String> retry = client.createAccount("fail-1", SandboxClient.accountJson("A1"));
    HttpResponse<String> newKey = client.createAccount("fail-2", SandboxClient.accountJson("A1"));

    assertProblem(first, 503, "service-unavailable");
    assertProblem(retry, 503, "service-unavailable");
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(newKey.statusCode()).isEqualTo(201);
    assertThat(client.accountCount()).isOne();
    assertThat(client.admin("GET", "/_sandbox/stats", "").get("events").get("injected_failures")
        .asLong()).isOne();
  }

  @Test
  void aConflictTypeNamesEvery409ItsWayReplayedOnesIncluded() {
    // Given
    client.createAccount("ct-1", SandboxClient.accountJson("A1"));
    client.admin("PUT", "/_sandbox/faults", "{\"conflict_type\": \"conflict\"}");

    // When another key asks for the same reference, twice
    HttpResponse<String> first = client.createAccount("ct-2", SandboxClient.accountJson("A1"));
    HttpResponse<String> again = client.createAccount("ct-2", SandboxClient.accountJson("A1"));

    // Then
    assertProblem(first, 409, "conflict");
    assertProblem(again, 409, "conflict");
    assertThat(SandboxClient.json(first).path("title").asString()).isEqualTo("Conflict");
    assertThat(SandboxClient.json(first).path("detail").asString()).contains("A1");
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    client.admin("PUT", "/_sandbox/faults", "{}");
    assertProblem(client.createAccount("ct-2", SandboxClient.accountJson("A1")), 409,
        "duplicate-external-reference");
  }

  @Test
  void anInjected429CarriesRetryAfter() {
    client.admin("PUT", "/_sandbox/faults",
        "{\"failure_rate\": 1, \"failure_status\": 429, \"retry_after_seconds\": 7}");

    HttpResponse<String> response = client.get("/billing/accounts/A1");

    assertProblem(response, 429, "rate-limited");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void aRateLimitLetsThroughThatManyRequestsASecondAndRefusesTheRestBeforeTheirKeys() {
    // Given a limit of 5 requests a second, without Retry-After (Moment documents none)
    client.admin("PUT", "/_sandbox/faults", "{\"rate_limit_per_second\": 5}");

    // When 20 creates come as fast as one client sends them
    long start = System.nanoTime();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(client.createAccount("rl-" + i, SandboxClient.accountJson("RL" + i)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    // Then at most 5 a second were created, the rest refused with a 429 that has no Retry-After
    long created = responses.stream().filter(response -> response.statusCode() == 201).count();
    assertThat(created).isBetween(1L, 5 * ((long) Math.ceil(seconds) + 1));
    HttpResponse<String> refused = responses.stream().filter(response -> response.statusCode() == 429)
        .findFirst().orElseThrow();
    assertThat(assertProblem(refused, 429, "rate-limited")).contains("5 requests per second");
    assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
    assertThat(client.accountCount()).isEqualTo(created);

    // And a refused request's key was not stored: the same key, the limit gone, creates
    client.admin("PUT", "/_sandbox/faults", "{}");
    int first = responses.indexOf(refused);
    HttpResponse<String> again = client.createAccount("rl-" + first, SandboxClient.accountJson("RL" + first));
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aRateLimitWithRetryAfterSaysWhenTheNextSecondBegins() {
    // Given a limit of 1 request a second, its 429s with Retry-After
    client.admin("PUT", "/_sandbox/faults", "{\"rate_limit_per_second\": 1, \"rate_limit_retry_after\": true}");

    // When two requests come at once
    client.get("/billing/accounts/A1");
    HttpResponse<String> second = client.get("/billing/accounts/A1");

    // Then the second is refused, to try again in a second
    assertProblem(second, 429, "rate-limited");
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void anOutageInRefuseModeAnswers503UntilItEnds() {
    client.admin("POST", "/_sandbox/outage", "{\"seconds\": 60, \"mode\": \"refuse\"}");
    HttpResponse<String> during = client.createAccount("out-1", SandboxClient.accountJson("A1"));
    client.admin("DELETE", "/_sandbox/outage", "");

    HttpResponse<String> after = client.createAccount("out-1", SandboxClient.accountJson("A1"));

    assertProblem(during, 503, "service-unavailable");
    assertThat(during.headers().firstValue("Retry-After")).isPresent();
    assertThat(after.statusCode()).as("an outage answer is not stored").isEqualTo(201);
  }

  @Test
  void anOutageInHangModeAnswersNothingSoTheClientTimesOut() {
    client.admin("POST", "/_sandbox/outage", "{\"seconds\": 30, \"mode\": \"hang\"}");

    assertThatThrownBy(() -> client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")).timeout(Duration.ofMillis(500))))
        .hasCauseInstanceOf(HttpTimeoutException.class);
    client.admin("DELETE", "/_sandbox/outage", "");
    assertThat(client.accountCount()).isZero();
    assertThat(client.createAccount("hang-1", SandboxClient.accountJson("A1")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void theDuplicateMakerCreatesTheAccountButAnswersA5xxAndStoresTheReal201() {
    client.admin("PUT", "/_sandbox/faults", "{\"duplicate_rate\": 1, \"duplicate_status\": 502}");
    HttpResponse<String> first = client.createAccount("dup-1", SandboxClient.accountJson("A1"));
    client.admin("PUT", "/_sandbox/faults", "{}");

    HttpResponse<String> retry = client.createAccount("dup-1", SandboxClient.accountJson("A1"));

    assertProblem(first, 502, "bad-gateway");
    assertThat(client.accountCount()).isOne();
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    JsonNode stored = SandboxClient.json(retry);
    assertThat(SandboxClient.json(client.get("/billing/accounts/A1"))).isEqualTo(stored);
  }

  @Test
  void theDuplicateMakerInDropModeClosesTheConnectionAfterCreating() {
    client.admin("PUT", "/_sandbox/faults", "{\"duplicate_rate\": 1, \"duplicate_mode\": \"drop\"}");

    assertThatThrownBy(() -> client.createAccount("dup-2", SandboxClient.accountJson("A1")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(client.accountCount()).isOne();
    assertThat(client.admin("GET", "/_sandbox/stats", "").get("by_status").get("dropped")
        .asLong()).isOne();
  }

  @Test
  void startUpOptionsSetTheFaults() {
    try (Sandbox faulty = Sandbox.start("--sandbox.faults.failure-rate=1",
        "--sandbox.faults.failure-status=500")) {
      SandboxClient other = new SandboxClient(faulty);

      HttpResponse<String> response = other.createAccount("s-1", SandboxClient.accountJson("A1"));

      assertProblem(response, 500, "internal-error");
      assertThat(other.admin("GET", "/_sandbox/faults", "").get("failure_rate").asDouble())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aStartUpOutageRefusesFromTheFirstRequest() {
    try (Sandbox down = Sandbox.start("--sandbox.faults.outage.seconds=60")) {
      SandboxClient other = new SandboxClient(down);

      assertProblem(other.get("/billing/accounts/A1"), 503, "service-unavailable");
      assertThat(other.admin("GET", "/_sandbox/outage", "").get("active").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"failure_status\": 418} | failure_status must be one of [429, 500, 502, 503, 504], but was 418",
      "{\"rate_limit_per_second\": -1} | rate_limit_per_second must be between 0 (no limit) and 1000000, but was -1"})
  void badFaultSettingsAreRejectedNamingTheSetting(String settings, String reason) {
    HttpResponse<String> response = client.send(client.request("/_sandbox/faults")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings)));

    assertThat(assertProblem(response, 400, "validation-error")).contains(reason);
  }

  @Test
  void patchChangesOnlyTheFaultSettingsSent() {
    client.admin("PUT", "/_sandbox/faults", "{\"latency_ms\": 5}");

    JsonNode settings = client.admin("PATCH", "/_sandbox/faults", "{\"jitter_ms\": 3}");

    assertThat(settings.get("latency_ms").asLong()).isEqualTo(5);
    assertThat(settings.get("jitter_ms").asLong()).isEqualTo(3);
  }

  @Test
  void adminEndpointsResetListCountAndCountRequestsByStatusAndEndpoint() {
    client.createAccount("adm-1", SandboxClient.accountJson("A1"));
    client.createAccount("adm-2", SandboxClient.accountJson("A1"));
    client.get("/billing/accounts/A1");

    JsonNode accounts = client.admin("GET", "/_sandbox/accounts", "");
    JsonNode stats = client.admin("GET", "/_sandbox/stats", "");
    client.reset();

    assertThat(accounts.size()).isOne();
    assertThat(accounts.get(0).get("external_reference").asString()).isEqualTo("A1");
    assertThat(stats.get("total").asLong()).isEqualTo(3);
    assertThat(stats.get("by_status").get("201").asLong()).isOne();
    assertThat(stats.get("by_status").get("409").asLong()).isOne();
    assertThat(stats.get("by_endpoint").get("POST /billing/accounts").asLong()).isEqualTo(2);
    assertThat(stats.get("by_endpoint").get("GET /billing/accounts/{ref}").asLong()).isOne();
    assertThat(client.accountCount()).isZero();
    assertThat(client.admin("GET", "/_sandbox/stats", "").get("total").asLong()).isZero();
  }

  @Test
  void aLatencyTimeoutDoesNotStopTheCreation() {
    client.admin("PUT", "/_sandbox/faults", "{\"latency_ms\": 800}");

    assertThatThrownBy(() -> client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")).header("Idempotency-Key", "slow-1")
        .timeout(Duration.ofMillis(200))))
        .hasCauseInstanceOf(HttpTimeoutException.class);

    org.awaitility.Awaitility.await().until(() -> client.accountCount() == 1);
    assertThat(client.createAccount("slow-1", SandboxClient.accountJson("A1"))
        .headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }
}
