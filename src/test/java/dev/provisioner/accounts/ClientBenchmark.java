package dev.provisioner.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures {@code create} calls per second of each {@link AccountsApi} implementation against a
 * trivial local endpoint (Reactor Netty answering 201 with a fixed body), at fixed calls in flight.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.provisioner.accounts.ClientBenchmark [impls] [in-flight] [seconds] [url]
 * java -cp ... dev.provisioner.accounts.ClientBenchmark serve 8099   # the endpoint alone
 * </pre>
 *
 * <p>impls: comma-separated of {@code jdk} (own pool, one thread per core), {@code jdk-cached}
 * (the JDK's default executor), {@code reactor}; default all. in-flight default {@code 64,256};
 * seconds per run default 10 after 5 of warm-up. Without url the endpoint runs in this JVM.
 */
public final class ClientBenchmark {

  private static final String ACCOUNT = "{\"id\":\"bacc_0123456789abcdef\",\"external_reference\":"
      + "\"ref-1\",\"name\":\"Ada Lovelace\",\"currency\":\"EUR\",\"balance\":0}";

  private ClientBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      endpoint(Integer.parseInt(args[1])).onDispose().block();
      return;
    }
    List<String> impls = List.of(arg(args, 0, "jdk,jdk-cached,reactor").split(","));
    int[] inFlight = Arrays.stream(arg(args, 1, "64,256").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.parseInt(arg(args, 2, "10"));
    DisposableServer local = args.length > 3 ? null : endpoint(0);
    URI url = local == null ? URI.create(args[3]) : URI.create("http://127.0.0.1:" + local.port());
    System.out.printf("java %s, %d cpus, endpoint %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), local == null ? url : "in this JVM");
    for (String impl : impls) {
      for (int calls : inFlight) {
        try (AutoCloseable api = (AutoCloseable) client(impl, url)) {
          run((AccountsApi) api, calls, 5);
          Map<String, Long> result = run((AccountsApi) api, calls, seconds);
          long total = result.values().stream().mapToLong(Long::longValue).sum();
          System.out.printf("%-10s in-flight %4d: %8.0f calls/s  %s%n", impl, calls,
              total / (double) seconds, result);
        }
      }
    }
    if (local != null) {
      local.disposeNow();
    }
  }

  private static Map<String, Long> run(AccountsApi api, int inFlight, int seconds)
      throws InterruptedException {
    JsonNode body = JsonMapper.builder().build().readTree("{\"external_reference\":\"ref-1\"}");
    var permits = new Semaphore(inFlight);
    var outcomes = new ConcurrentHashMap<String, LongAdder>();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    for (long i = 0; System.nanoTime() < end; i++) {
      permits.acquire();
      api.create(body, "bench-" + i).thenAccept(outcome -> {
        outcomes.computeIfAbsent(outcome.getClass().getSimpleName(), k -> new LongAdder())
            .increment();
        permits.release();
      });
    }
    permits.acquire(inFlight);
    return outcomes.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  private static AccountsApi client(String impl, URI url) {
    var settings = new ApiSettings(url, "sk_test_bench", Duration.ofSeconds(2),
        Duration.ofSeconds(10));
    var mapper = JsonMapper.builder().build();
    return switch (impl) {
      case "jdk" -> new JdkAccountsApi(settings, mapper);
      case "jdk-cached" -> new JdkAccountsApi(settings, mapper, Clock.systemUTC(),
          java.util.concurrent.Executors.newCachedThreadPool());
      case "reactor" -> new ReactorNettyAccountsApi(settings, mapper);
      default -> throw new IllegalArgumentException("unknown implementation " + impl);
    };
  }

  private static DisposableServer endpoint(int port) {
    return HttpServer.create().host("127.0.0.1").port(port)
        .route(routes -> routes.post("/billing/accounts", (request, response) ->
            request.receive().then().then(response.status(201)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(ACCOUNT)).then())))
        .bindNow();
  }

  private static String arg(String[] args, int index, String fallback) {
    return args.length > index ? args[index] : fallback;
  }
}
