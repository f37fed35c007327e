package dev.provisioner.accounts;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link AccountsApi} on Vert.x core's HTTP client, HTTP/1.1, on event loops of its own {@link
 * Vertx} instance (daemon threads), with a keep-alive pool of up to {@value #MAX_CONNECTIONS}
 * connections; calls beyond that wait for one, as the worker bounds the calls in flight.
 *
 * <p>The request timeout covers a whole call, waiting for a connection included (a timer per
 * call, see {@link VertxExchange}); the connect timeout is the TCP connect's. Outcomes are
 * completed on an event loop: callers must not block in their dependent stages. {@link #close()}
 * closes the client (calls in flight end as connection errors), then the event loops.
 */
public final class VertxAccountsApi implements AccountsApi, AutoCloseable {

  static final int MAX_CONNECTIONS = 1024;
  /**
   * One event loop: on 2 cores one and two measured alike in calls/s and CPU per call (see
   * ClientBenchmark), and one leaves the other core to the worker's own threads.
   */
  static final int DEFAULT_EVENT_LOOPS = 1;
  private static final Logger log = LoggerFactory.getLogger(VertxAccountsApi.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence IDEMPOTENCY_KEY = HttpHeaders.createOptimized("Idempotency-Key");

  private final ApiSettings settings;
  private final ObjectMapper mapper;
  private final AccountPaths paths;
  private final OutcomeMapper outcomes;
  private final CharSequence authorization;
  private final long timeoutMillis;
  private final Vertx vertx;
  private final HttpClientAgent http;

  public VertxAccountsApi(ApiSettings settings, ObjectMapper mapper) {
    this(settings, mapper, Clock.systemUTC());
  }

  /** @param clock reads {@code Retry-After} dates against it */
  public VertxAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock) {
    this(settings, mapper, clock, DEFAULT_EVENT_LOOPS);
  }

  /** @param eventLoops how many event loop threads the client's Vert.x instance runs */
  VertxAccountsApi(ApiSettings settings, ObjectMapper mapper, Clock clock, int eventLoops) {
    this.settings = settings;
    this.mapper = mapper;
    this.paths = new AccountPaths(settings.baseUrl());
    this.outcomes = new OutcomeMapper(mapper, settings, clock);
    this.authorization = HttpHeaders.createOptimized("Bearer " + settings.apiKey());
    this.timeoutMillis = Math.max(1, settings.requestTimeout().toMillis());
    this.vertx = Vertx.vertx(vertxOptions(eventLoops));
    this.http = vertx.httpClientBuilder().with(clientOptions(settings))
        .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(-1))
        .build();
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    AccountPaths.requireIdempotencyKey(idempotencyKey);
    if (!accountBody.isObject()) {
      throw new IllegalArgumentException("account body must be a JSON object");
    }
    Buffer body = Buffer.buffer(mapper.writeValueAsBytes(accountBody));
    RequestOptions request = request(HttpMethod.POST, paths.accounts());
    request.getHeaders().set(HttpHeaders.CONTENT_TYPE, JSON).set(IDEMPOTENCY_KEY, idempotencyKey);
    return VertxExchange.start(vertx, http, "POST /billing/accounts", request, body,
        timeoutMillis, outcomes);
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    URI uri = paths.account(accountOrExternalReference);
    return VertxExchange.start(vertx, http, "GET " + uri.getRawPath(),
        request(HttpMethod.GET, uri), null, timeoutMillis, outcomes);
  }

  /**
   * Closes the client, whose calls in flight then end as connection errors, then the event loops,
   * waiting at most {@code 5s} for each. Must not be called on this client's event loops.
   */
  @Override
  public void close() {
    await(http.close(), "HTTP client");
    await(vertx.close(), "event loops");
  }

  @Override
  public String toString() {
    return "VertxAccountsApi[" + settings + "]";
  }

  private RequestOptions request(HttpMethod method, URI uri) {
    MultiMap headers = HttpHeaders.headers()
        .set(HttpHeaders.AUTHORIZATION, authorization).set(HttpHeaders.ACCEPT, JSON);
    return new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(port(uri))
        .setSsl("https".equalsIgnoreCase(uri.getScheme())).setURI(uri.getRawPath())
        .setHeaders(headers);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static VertxOptions vertxOptions(int eventLoops) {
    return new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1).setPreferNativeTransport(true).setUseDaemonThread(true)
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
            .setClassPathResolvingEnabled(false));
  }

  private static HttpClientOptions clientOptions(ApiSettings settings) {
    HttpClientOptions options = new HttpClientOptions().setName("moment-api")
        .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setKeepAliveTimeout(30).setMaxRedirects(0)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
    JvmProxy.forUrl(settings.baseUrl()).ifPresent(proxy -> {
      log.info("API calls go through the HTTP proxy {}:{}{} (the JVM's proxy settings)", proxy.getHost(),
          proxy.getPort(), proxy.getUsername() == null ? "" : " as " + proxy.getUsername());
      options.setProxyOptions(proxy);
    });
    return options;
  }

  private static void await(io.vertx.core.Future<Void> closing, String what) {
    try {
      closing.toCompletionStage().toCompletableFuture()
          .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Closing the Vert.x {} did not finish cleanly", what, e);
    }
  }
}
