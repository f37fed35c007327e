package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Point 4: the idempotency store as moment-api.md describes it. */
class IdempotencyTest extends SandboxTestBase {
  @Test
  void theSameKeyAndBodyReplaysTheFirstResponseWithTheReplayedHeader() {
    HttpResponse<String> first = client.createAccount("idem-1", SandboxClient.accountJson("A1"));

    HttpResponse<String> second = client.createAccount("idem-1", SandboxClient.accountJson("A1"));

    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(client.accountCount()).isOne();
  }

  @Test
  void theSameJsonWithOtherWhitespaceAndMemberOrderIsTheSameBody() {
    client.createAccount("idem-2", "{\"customer\": {\"external_reference\": \"C\"},"
        + " \"external_reference\": \"A1\", \"name\": \"N\"}");

    HttpResponse<String> reordered = client.createAccount("idem-2",
        "{\n  \"name\":\"N\",\"external_reference\":\"A1\",\n\"customer\":{\"external_reference\":\"C\"}}");

    assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(201);
    assertThat(reordered.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aFailedFirstResponseIsStoredAndReplayedToo() {
    String invalid = "{\"customer\": \"C\", \"external_reference\": \"A 1\"}";
    client.createAccount("idem-3", invalid);

    HttpResponse<String> replay = client.createAccount("idem-3", invalid);

    assertProblem(replay, 400, "validation-error");
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void theSameKeyWithAnotherBodyIsUnprocessable() {
    client.createAccount("idem-4", SandboxClient.accountJson("A1"));

    HttpResponse<String> other = client.createAccount("idem-4", SandboxClient.accountJson("A2"));

    assertThat(assertProblem(other, 422, "idempotency-key-reused")).contains("Idempotency-Key");
    assertThat(client.accountCount()).isOne();
  }

  @Test
  void theSameKeyWhileTheFirstIsInFlightIsAConflict() {
    client.admin("PUT", "/_sandbox/faults", "{\"latency_ms\": 1500}");
    CompletableFuture<HttpResponse<String>> first = client.sendAsync(client.post(
        "/billing/accounts", SandboxClient.accountJson("A1")).header("Idempotency-Key", "idem-5"));
    awaitInFlight();

    HttpResponse<String> concurrent = client.createAccount("idem-5", SandboxClient.accountJson("A1"));

    assertProblem(concurrent, 409, "idempotency-key-in-use");
    assertThat(first.join().statusCode()).isEqualTo(201);
  }

  @Test
  void theSameKeyWithAnotherBodyWhileTheFirstIsInFlightIsUnprocessableNotAConflict() {
    // A 409 says "retry later"; a retry with this body can only ever get the 422, so that is the answer now
    client.admin("PUT", "/_sandbox/faults", "{\"latency_ms\": 1500}");
    CompletableFuture<HttpResponse<String>> first = client.sendAsync(client.post(
        "/billing/accounts", SandboxClient.accountJson("A1")).header("Idempotency-Key", "idem-6"));
    awaitInFlight();

    HttpResponse<String> other = client.createAccount("idem-6", SandboxClient.accountJson("A2"));

    assertProblem(other, 422, "idempotency-key-reused");
    assertThat(first.join().statusCode()).isEqualTo(201);
  }

  @Test
  void aKeyWithForbiddenCharactersOrLongerThan255IsRejectedAndNothingIsCreated() {
    HttpResponse<String> badChars = client.createAccount("key_with_underscore",
        SandboxClient.accountJson("A1"));
    HttpResponse<String> tooLong = client.createAccount("k".repeat(256),
        SandboxClient.accountJson("A1"));
    HttpResponse<String> longest = client.createAccount("k".repeat(255),
        SandboxClient.accountJson("A1"));

    assertProblem(badChars, 400, "invalid-idempotency-key");
    assertThat(assertProblem(tooLong, 400, "invalid-idempotency-key")).contains("got 256");
    assertThat(longest.statusCode()).isEqualTo(201);
    assertThat(client.accountCount()).isOne();
  }

  @Test
  void aKeyExpiresAfter24HoursAndIsThenNew() {
    client.createAccount("idem-6", SandboxClient.accountJson("A1"));
    client.admin("POST", "/_sandbox/clock", "{\"advance_seconds\": 86399}");
    HttpResponse<String> beforeExpiry = client.createAccount("idem-6", SandboxClient.accountJson("A2"));
    client.admin("POST", "/_sandbox/clock", "{\"advance_seconds\": 1}");

    HttpResponse<String> afterExpiry = client.createAccount("idem-6", SandboxClient.accountJson("A2"));

    assertProblem(beforeExpiry, 422, "idempotency-key-reused");
    assertThat(afterExpiry.statusCode()).as(afterExpiry.body()).isEqualTo(201);
    assertThat(afterExpiry.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void theExpiryIsConfigurable() {
    try (Sandbox shortLived = Sandbox.start("--sandbox.idempotency-ttl=1h")) {
      SandboxClient other = new SandboxClient(shortLived);
      other.createAccount("idem-7", SandboxClient.accountJson("A1"));
      other.admin("POST", "/_sandbox/clock", "{\"advance_seconds\": 3600}");

      HttpResponse<String> afterExpiry = other.createAccount("idem-7", SandboxClient.accountJson("A2"));

      assertThat(afterExpiry.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void aKeyUsedOnAnotherEndpointIsAReuse() {
    client.send(client.post("/billing/customers", "{\"external_reference\": \"C1\"}")
        .header("Idempotency-Key", "idem-8"));

    HttpResponse<String> account = client.createAccount("idem-8", SandboxClient.accountJson("A1"));

    assertProblem(account, 422, "idempotency-key-reused");
  }

  @Test
  void requestsWithoutAKeyAreAcceptedAndNotDeduplicated() {
    HttpResponse<String> first = client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")));
    HttpResponse<String> second = client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")));

    assertThat(first.statusCode()).isEqualTo(201);
    assertProblem(second, 409, "duplicate-external-reference");
  }

  @Test
  void aKeyForgottenWhileInFlightStoresTheAnswerOfTheRequestThatTookItAgain() {
    // Given a store of one key: A takes k-a, B's key pushes it out while A is still in flight,
    // and C takes k-a again with another body
    try (Sandbox oneKey = Sandbox.start("--sandbox.idempotency-max-keys=1",
        "--sandbox.faults.latency-ms=1500")) {
      SandboxClient other = new SandboxClient(oneKey);
      CompletableFuture<HttpResponse<String>> a = createAsync(other, "k-a", "A1");
      awaitInFlight(other, 1);
      CompletableFuture<HttpResponse<String>> b = createAsync(other, "k-b", "B1");
      awaitInFlight(other, 2);
      CompletableFuture<HttpResponse<String>> c = createAsync(other, "k-a", "C1");
      awaitInFlight(other, 3);
      CompletableFuture.allOf(a, b, c).join();

      // When C is sent again once all three are answered (A first)
      HttpResponse<String> again = other.createAccount("k-a", SandboxClient.accountJson("C1"));

      // Then k-a holds C's answer, not A's (A's claim was forgotten before it finished)
      assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(again.body()).isEqualTo(c.join().body());
      assertThat(SandboxClient.json(again).get("external_reference").asString()).isEqualTo("C1");
    }
  }

  private static CompletableFuture<HttpResponse<String>> createAsync(SandboxClient on, String key,
      String externalReference) {
    return on.sendAsync(on.post("/billing/accounts", SandboxClient.accountJson(externalReference))
        .header("Idempotency-Key", key));
  }

  private static void awaitInFlight() {
    awaitInFlight(client, 1);
  }

  private static void awaitInFlight(SandboxClient on, long requests) {
    org.awaitility.Awaitility.await().until(() -> {
      JsonNode stats = on.admin("GET", "/_sandbox/stats", "");
      return stats.get("in_flight").asLong() == requests;
    });
  }
}
