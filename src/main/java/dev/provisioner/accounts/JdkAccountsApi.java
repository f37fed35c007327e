package dev.provisioner.accounts;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link AccountsApi} on the JDK's {@link HttpClient}: HTTP/1.1 (Moment's API and the sandbox
 * speak it; pooled keep-alive connections, one per call in flight), asynchronous end to end.
 *
 * <p>By default responses are handled on a small pool of daemon threads owned by this client (one
 * per core, at least two), where outcomes complete: callers must not block in dependent stages.
 * On 2 cores, JDK 17, 256 calls in flight it measured about 1.7 times the calls/s of the JDK's
 * default cached pool (on par at 64 in flight, and on JDK 25), with a bounded thread count.
 * {@link #close()} stops that pool. {@link ReactorNettyAccountsApi} measured 2 to 5 times faster
 * still (see {@code ClientBenchmark} in the tests).
 *
 * <p>The key is sent only in the {@code Authorization} header; outcomes and logs never hold it.
 */
public final class JdkAccountsApi implements AccountsApi, AutoCloseable {

  private static final String ACCOUNTS = "/billing/accounts";

  private final HttpClient http;
  private final ApiSettings settings;
  private final ObjectMapper mapper;
  private final AccountPaths paths;
  private final OutcomeMapper outcomes;
  private final @Nullable ExecutorService ownExecutor;

  public JdkAccountsApi(ApiSettings settings, ObjectMapper mapper) {
    this(settings, mapper, Clock.systemUTC());
  }

  /** @param clock reads {@code Retry-After} dates against it */
  public JdkAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock) {
    this(settings, mapper, clock, null);
  }

  /** @param executor handles responses; null for a pool owned (and closed) by this client */
  JdkAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock,
      @Nullable Executor executor) {
    this.settings = settings;
    this.mapper = mapper;
    this.paths = new AccountPaths(settings.baseUrl());
    this.outcomes = new OutcomeMapper(mapper, settings, clock);
    this.ownExecutor = executor == null ? responsePool() : null;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor == null ? ownExecutor : executor)
        .build();
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    AccountPaths.requireIdempotencyKey(idempotencyKey);
    if (!accountBody.isObject()) {
      throw new IllegalArgumentException("account body must be a JSON object");
    }
    HttpRequest request = request(paths.accounts())
        .header("Idempotency-Key", idempotencyKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(accountBody)))
        .build();
    return send(request, "POST " + ACCOUNTS);
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    var uri = paths.account(accountOrExternalReference);
    return send(request(uri).GET().build(), "GET " + uri.getRawPath());
  }

  /** Stops the response pool this client owns, if any; calls in flight may then not complete. */
  @Override
  public void close() {
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "JdkAccountsApi[" + settings + "]";
  }

  private HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + settings.apiKey())
        .header("Accept", "application/json");
  }

  private CompletableFuture<ApiOutcome> send(HttpRequest request, String call) {
    try {
      return http.sendAsync(request, BodyHandlers.ofByteArray())
          .handle((response, failure) -> outcome(call, response, failure));
    } catch (RuntimeException failure) {
      return CompletableFuture.completedFuture(outcomes.fromFailure(call, failure));
    }
  }

  private ApiOutcome outcome(String call, @Nullable HttpResponse<byte[]> response,
      @Nullable Throwable failure) {
    if (response == null || failure != null) {
      return outcomes.fromFailure(call, failure == null ? new IllegalStateException() : failure);
    }
    try {
      return outcomes.fromResponse(call, response.statusCode(),
          name -> response.headers().firstValue(name).orElse(null), response.body());
    } catch (RuntimeException bug) {
      return outcomes.fromFailure(call, bug);
    }
  }

  private static ExecutorService responsePool() {
    var count = new AtomicInteger();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    return Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "moment-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
