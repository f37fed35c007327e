package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.ApiOutcome.Transient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
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

  @Test
  void aResponseBodyOverOneMebibyteIsAConnectionErrorNotAFullHeap() {
    // Given an API (or a proxy in front of it) answering with a 2 MiB body
    server.answer(201, Map.of("Content-Type", "application/json"),
        "{\"id\":\"bacc_1\",\"padding\":\"" + "x".repeat(2 << 20) + "\"}");

    // When
    ApiOutcome outcome = create();

    // Then the body is not read to its end: retried like a broken connection, saying why
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(failure.problem().detail())
        .contains("response body over 1048576 bytes (status 201)"));
  }
}
