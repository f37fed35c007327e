package dev.provisioner.accounts;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * For {@link ClientBenchmark} only: the create call of {@link ReactorNettyAccountsApi}, built the
 * same way but with {@code disableRetry(true)}, to measure what Reactor Netty's retry of a request
 * on a stale pooled connection ({@code FluxRetryWhen}) costs per call.
 */
final class ReactorNoRetryAccountsApi implements AccountsApi, AutoCloseable {

  private static final String JSON = "application/json";

  private final ObjectMapper mapper;
  private final AccountPaths paths;
  private final OutcomeMapper outcomes;
  private final Duration requestTimeout;
  private final ConnectionProvider pool;
  private final HttpClient http;

  ReactorNoRetryAccountsApi(ApiSettings settings, ObjectMapper mapper) {
    this.mapper = mapper;
    this.paths = new AccountPaths(settings.baseUrl());
    this.outcomes = new OutcomeMapper(mapper, settings, Clock.systemUTC());
    this.requestTimeout = settings.requestTimeout();
    this.pool = ConnectionProvider.builder("moment-api-noretry")
        .maxConnections(ReactorNettyAccountsApi.MAX_CONNECTIONS).pendingAcquireMaxCount(-1)
        .maxIdleTime(Duration.ofSeconds(30)).build();
    this.http = HttpClient.create(pool).protocol(HttpProtocol.HTTP11).disableRetry(true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
        .headers(headers -> headers.set("Authorization", "Bearer " + settings.apiKey())
            .set("Accept", JSON));
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    byte[] body = mapper.writeValueAsBytes(accountBody);
    String call = "POST /billing/accounts";
    return http.post().uri(paths.accounts()).send((request, out) -> {
      request.requestHeaders().set("Idempotency-Key", idempotencyKey).set("Content-Type", JSON);
      return out.sendByteArray(Mono.just(body));
    }).responseSingle((response, bytes) -> bytes.asByteArray().defaultIfEmpty(new byte[0])
            .map(b -> outcomes.fromResponse(call, response.status().code(),
                response.responseHeaders()::get, b)))
        .timeout(requestTimeout)
        .onErrorResume(failure -> Mono.just(outcomes.fromFailure(call, failure)))
        .toFuture();
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    throw new UnsupportedOperationException("the benchmark only creates");
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
