package dev.provisioner.accounts;

import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link AccountsApi} on Apache HttpClient 5's asynchronous client (HTTP/1.1 over its I/O
 * reactor, pooled keep-alive connections, one I/O thread per core), for the comparison of HTTP
 * clients in {@link ClientBenchmark} only: the worker uses {@link VertxAccountsApi}.
 *
 * <p>The request timeout is Apache's response timeout (no response data for that long), not a
 * deadline on the whole call as in the other clients.
 */
final class ApacheAsyncAccountsApi implements AccountsApi, AutoCloseable {

  private static final String ACCOUNTS = "/billing/accounts";
  private static final ContentType JSON = ContentType.create("application/json", (Charset) null);

  private final CloseableHttpAsyncClient http;
  private final ApiSettings settings;
  private final ObjectMapper mapper;
  private final AccountPaths paths;
  private final OutcomeMapper outcomes;

  ApacheAsyncAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock,
      int maxConnections) {
    this.settings = settings;
    this.mapper = mapper;
    this.paths = new AccountPaths(settings.baseUrl());
    this.outcomes = new OutcomeMapper(mapper, settings, clock);
    this.http = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout())).build())
            .build())
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Runtime.getRuntime().availableProcessors()).build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(settings.requestTimeout())).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .build();
    http.start();
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    AccountPaths.requireIdempotencyKey(idempotencyKey);
    if (!accountBody.isObject()) {
      throw new IllegalArgumentException("account body must be a JSON object");
    }
    SimpleHttpRequest request = request(SimpleRequestBuilder.post(paths.accounts()))
        .setHeader("Idempotency-Key", idempotencyKey)
        .setBody(mapper.writeValueAsBytes(accountBody), JSON)
        .build();
    return send(request, "POST " + ACCOUNTS);
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    var uri = paths.account(accountOrExternalReference);
    return send(request(SimpleRequestBuilder.get(uri)).build(), "GET " + uri.getRawPath());
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
  }

  private SimpleRequestBuilder request(SimpleRequestBuilder builder) {
    return builder.setHeader("Authorization", "Bearer " + settings.apiKey())
        .setHeader("Accept", "application/json");
  }

  private CompletableFuture<ApiOutcome> send(SimpleHttpRequest request, String call) {
    CompletableFuture<ApiOutcome> result = new CompletableFuture<>();
    try {
      http.execute(request, new FutureCallback<SimpleHttpResponse>() {
        @Override
        public void completed(SimpleHttpResponse response) {
          result.complete(outcome(call, response));
        }

        @Override
        public void failed(Exception failure) {
          result.complete(outcomes.fromFailure(call, failure instanceof SocketTimeoutException
              ? new TimeoutException(failure.getMessage()) : failure));
        }

        @Override
        public void cancelled() {
          result.complete(outcomes.fromFailure(call, new CancellationException("cancelled")));
        }
      });
    } catch (RuntimeException failure) {
      result.complete(outcomes.fromFailure(call, failure));
    }
    return result;
  }

  private ApiOutcome outcome(String call, SimpleHttpResponse response) {
    try {
      byte[] body = response.getBodyBytes();
      return outcomes.fromResponse(call, response.getCode(), name -> {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
      }, body == null ? new byte[0] : body);
    } catch (RuntimeException bug) {
      return outcomes.fromFailure(call, bug);
    }
  }
}
