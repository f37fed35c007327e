package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** One create through the worker's API client (Vert.x), as the worker makes it, for connection tests. */
final class OneCreate {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private OneCreate() {
  }

  /** Creates account {@code ref-1} at {@code baseUrl} under key {@code <name>-1-create}; its outcome. */
  static ApiOutcome at(URI baseUrl, String name) {
    ApiSettings settings = new ApiSettings(baseUrl, "sk_test_" + name, Duration.ofSeconds(2), Duration.ofSeconds(5));
    try (VertxAccountsApi api = new VertxAccountsApi(settings, MAPPER, Clock.systemUTC())) {
      CompletableFuture<ApiOutcome> outcome = api.create(MAPPER.readTree("{\"external_reference\":\"ref-1\"}"),
          name + "-1-create");
      assertThat(outcome).succeedsWithin(Duration.ofSeconds(10));
      return outcome.join();
    }
  }
}
