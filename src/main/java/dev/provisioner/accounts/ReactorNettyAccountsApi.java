package dev.provisioner.accounts;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link AccountsApi} on Reactor Netty's {@link HttpClient}, HTTP/1.1, on Reactor Netty's shared
 * event loops, with its own connection pool (up to {@value #MAX_CONNECTIONS} connections; calls
 * beyond that wait for one, as the worker bounds the calls in flight).
 *
 * <p>The request timeout covers a whole call, connection included ({@code Mono.timeout}); the
 * connect timeout is Netty's {@code CONNECT_TIMEOUT_MILLIS}. Outcomes are completed on the event
 * loop: callers must not block in their dependent stages. {@link #close()} disposes the pool.
 */
public final class ReactorNettyAccountsApi implements AccountsApi, AutoCloseable {

  static final int MAX_CONNECTIONS = 1024;
  private static final String JSON = "application/json";

  private final ApiSettings settings;
  private final ObjectMapper mapper;
  private final AccountPaths paths;
  private final OutcomeMapper outcomes;
  private final ConnectionProvider pool;
  private final HttpClient http;

  public ReactorNettyAccountsApi(ApiSettings settings, ObjectMapper mapper) {
    this(settings, mapper, Clock.systemUTC());
  }

  /** @param clock reads {@code Retry-After} dates against it */
  public ReactorNettyAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock) {
    this.settings = settings;
    this.mapper = mapper;
    this.paths = new AccountPaths(settings.baseUrl());
    this.outcomes = new OutcomeMapper(mapper, settings, clock);
    this.pool = ConnectionProvider.builder("moment-api").maxConnections(MAX_CONNECTIONS)
        .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
    this.http = HttpClient.create(pool).protocol(HttpProtocol.HTTP11)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(settings.connectTimeout()))
        .headers(headers -> headers.set("Authorization", "Bearer " + settings.apiKey())
            .set("Accept", JSON));
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    AccountPaths.requireIdempotencyKey(idempotencyKey);
    if (!accountBody.isObject()) {
      throw new IllegalArgumentException("account body must be a JSON object");
    }
    byte[] body = mapper.writeValueAsBytes(accountBody);
    var responses = http.post().uri(paths.accounts()).send((request, out) -> {
      request.requestHeaders().set("Idempotency-Key", idempotencyKey).set("Content-Type", JSON);
      return out.sendByteArray(Mono.just(body));
    });
    return call("POST /billing/accounts", responses);
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    URI uri = paths.account(accountOrExternalReference);
    return call("GET " + uri.getRawPath(), http.get().uri(uri));
  }

  /** Disposes the connection pool; calls in flight then end as connection errors. */
  @Override
  public void close() {
    pool.dispose();
  }

  @Override
  public String toString() {
    return "ReactorNettyAccountsApi[" + settings + "]";
  }

  private CompletableFuture<ApiOutcome> call(String call, HttpClient.ResponseReceiver<?> sent) {
    return sent.responseSingle((response, body) -> body.asByteArray()
            .defaultIfEmpty(new byte[0])
            .map(bytes -> outcome(call, response, bytes)))
        .timeout(settings.requestTimeout())
        .onErrorResume(failure -> Mono.just(outcomes.fromFailure(call, failure)))
        .toFuture();
  }

  private ApiOutcome outcome(String call, HttpClientResponse response, byte[] body) {
    HttpHeaders headers = response.responseHeaders();
    return outcomes.fromResponse(call, response.status().code(), headers::get, body);
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
