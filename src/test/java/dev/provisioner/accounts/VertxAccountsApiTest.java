package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.ApiOutcome.Transient;
import dev.provisioner.testing.HostileServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The {@link AccountsApi} contract, held by the Vert.x implementation, and its closing. */
class VertxAccountsApiTest extends AccountsApiContract {

  @Override
  AccountsApi newApi(ApiSettings settings, Clock clock) {
    return new VertxAccountsApi(settings, JsonMapper.builder().build(), clock);
  }

  @Test
  void endsACallInFlightAsAConnectionErrorWhenTheClientIsClosed() throws Exception {
    try (var silent = new ScriptedServer.RawServer("")) {
      // Given a call waiting for an answer that never comes
      var client = new VertxAccountsApi(new ApiSettings(silent.baseUrl(), KEY,
          Duration.ofSeconds(2), Duration.ofSeconds(30)), mapper, clock);
      CompletableFuture<ApiOutcome> future = client.create(body(), "msg-1-create");
      // When
      client.close();
      // Then
      assertThat(future).succeedsWithin(Duration.ofSeconds(1))
          .isInstanceOfSatisfying(Transient.class, failure -> assertThat(
              failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "connection-error"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length", "chunked"})
  void aResponseBodyOver256KiBIsAnUnreadableResponseNotAFullHeap(String framing) throws Exception {
    // Given an API (or a proxy in front of it) answering a valid account padded to 300 KiB: at
    // 256 calls in flight, bodies of 1 MiB held 535 MiB of heap
    String account = "{\"id\":\"bacc_1\",\"padding\":\"" + "x".repeat(300 << 10) + "\"}";
    try (var hostile = new HostileServer(framing.equals("chunked")
        ? HostileServer.chunked("HTTP/1.1 201 Created", account)
        : HostileServer.respond("HTTP/1.1 201 Created", "Content-Type: application/json\r\n", account))) {
      // When
      ApiOutcome outcome = create(apiFor(hostile.baseUrl(), Duration.ofSeconds(5)));

      // Then the body is not read to its end: an answer the client could not read, so the
      // account may exist, retried under the same key (before: a connection error, 503)
      assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(failure.problem())
          .isEqualTo(new Problem(ClientProblems.TYPE_BASE + "unreadable-response", "Unreadable response", 502,
              "POST /billing/accounts failed: response body over 262144 bytes (status 201)", null)));
    }
  }

  @Test
  void readsAnAccountOfTheLargestSizeMomentsLimitsAllow() {
    // Given 20 metadata values of 500 characters, each written as \\uXXXX escapes: 60 KB
    String value = "\\u00e9".repeat(500);
    var metadata = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      metadata.append(i == 0 ? "" : ",").append("\"key-").append(i).append("\":\"").append(value).append('"');
    }
    server.answer(201, Map.of("Content-Type", "application/json"),
        "{\"id\":\"bacc_1\",\"metadata\":{" + metadata + "}}");

    // When
    ApiOutcome outcome = create();

    // Then
    assertThat(outcome).isInstanceOfSatisfying(ApiOutcome.Created.class, created -> assertThat(
        created.account().path("metadata").path("key-19").stringValue()).hasSize(500));
  }
}
