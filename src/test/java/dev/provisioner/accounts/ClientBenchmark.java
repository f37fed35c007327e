package dev.provisioner.accounts;

import dev.provisioner.bench.SandboxControl;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures {@code create} calls per second, and this JVM's CPU time per call, of each {@link
 * AccountsApi} implementation at fixed calls in flight, against a trivial local endpoint (Reactor
 * Netty answering 201 with a fixed body, in this JVM) or against a URL such as the sandbox's.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.provisioner.accounts.ClientBenchmark [impls] [in-flight] [seconds] [url|local] [rounds]
 * java -cp ... dev.provisioner.accounts.ClientBenchmark serve 8099   # the endpoint alone
 * </pre>
 *
 * <p>impls: comma-separated of {@code jdk} (own pool, one thread per core), {@code jdk-cached}
 * (the JDK's default executor), {@code reactor}, {@code vertx} (its default event loops) and
 * {@code vertx-1}, {@code vertx-2}, {@code vertx-4} (that many event loops), {@code apache}
 * (Apache HttpClient 5 async, one I/O thread per core); default
 * jdk,jdk-cached,reactor,vertx. in-flight default {@code 64,256}; seconds per run default 10 after 5 of warm-up, each run on a
 * fresh client; rounds (default 1) repeat all runs, the implementations alternating. Without url
 * (or with {@code local}) the endpoint runs in this JVM and the CPU per call includes its share.
 * Every call has its own idempotency key and external reference, so a sandbox answers 201s;
 * {@code -Dbench.sandbox-reset=true} empties the sandbox before each run (keeping its faults).
 */
public final class ClientBenchmark {

  private static final String ACCOUNT = "{\"id\":\"bacc_0123456789abcdef\",\"external_reference\":"
      + "\"ref-1\",\"name\":\"Ada Lovelace\",\"currency\":\"EUR\",\"balance\":0}";

  private static final AtomicLong RUN = new AtomicLong();

  private ClientBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("serve")) {
      endpoint(Integer.parseInt(args[1])).onDispose().block();
      return;
    }
    List<String> impls = List.of(arg(args, 0, "jdk,jdk-cached,reactor,vertx").split(","));
    int[] inFlight = Arrays.stream(arg(args, 1, "64,256").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.parseInt(arg(args, 2, "10"));
    DisposableServer local = args.length > 3 && !args[3].equals("local") ? null : endpoint(0);
    URI url = local == null ? URI.create(args[3]) : URI.create("http://127.0.0.1:" + local.port());
    int rounds = Integer.parseInt(arg(args, 4, "1"));
    System.out.printf("java %s, %d cpus, endpoint %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), local == null ? url : "in this JVM");
    for (int round = 1; round <= rounds; round++) {
      for (int calls : inFlight) {
        for (String impl : impls) {
          measure(impl, url, calls, seconds, round);
        }
      }
    }
    if (local != null) {
      local.disposeNow();
    }
  }

  /** One warm-up then one measured run of a fresh client; prints calls/s and CPU per call. */
  private static void measure(String impl, URI url, int calls, int seconds, int round)
      throws Exception {
    if (Boolean.getBoolean("bench.sandbox-reset")) {
      new SandboxControl(url).forgetAccounts();
    }
    try (AutoCloseable api = (AutoCloseable) client(impl, url)) {
      run((AccountsApi) api, calls, 5);
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      Map<String, Long> result = run((AccountsApi) api, calls, seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long cpu = processCpuNanos() - cpuBefore;
      long total = result.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("round %d %-16s in-flight %4d: %8.0f calls/s %7.1f us cpu/call  %s%n",
          round, impl, calls, total / elapsed, cpu / 1e3 / total, new TreeMap<>(result));
    }
  }

  /** This JVM's CPU time: the client's alone when the endpoint runs in another process. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Calls for the time given, each with its own idempotency key and external reference (unique
   * across runs and JVMs), so a sandbox answers 201; counts outcomes by type and status.
   */
  private static Map<String, Long> run(AccountsApi api, int inFlight, int seconds)
      throws InterruptedException {
    var mapper = JsonMapper.builder().build();
    String prefix = "bench-" + Long.toString(System.nanoTime(), 36) + "-"
        + RUN.incrementAndGet() + "-";
    var permits = new Semaphore(inFlight);
    var outcomes = new ConcurrentHashMap<String, LongAdder>();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    for (long i = 0; System.nanoTime() < end; i++) {
      permits.acquire();
      String key = prefix + i;
      JsonNode body = account(mapper, key, i);
      api.create(body, key).thenAccept(outcome -> {
        outcomes.computeIfAbsent(label(outcome), k -> new LongAdder()).increment();
        permits.release();
      });
    }
    permits.acquire(inFlight);
    return outcomes.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  /** The body the bench command sends: an account with a new customer, both unique. */
  private static JsonNode account(JsonMapper mapper, String reference, long seq) {
    var account = mapper.createObjectNode().put("external_reference", reference)
        .put("name", "Bench Account").put("currency", "ZAR").put("balance", 2000);
    account.putObject("customer").put("external_reference", "cus-" + reference).put("name", "Ada");
    account.putObject("metadata").put("seq", Long.toString(seq));
    return account;
  }

  private static String label(ApiOutcome outcome) {
    String type = outcome.getClass().getSimpleName();
    if (outcome instanceof ApiOutcome.Created created) {
      return created.replayed() ? type + "(replayed)" : type;
    }
    Problem problem = outcome instanceof ApiOutcome.Transient failure ? failure.problem()
        : outcome instanceof ApiOutcome.Rejected rejected ? rejected.problem()
        : outcome instanceof ApiOutcome.Conflict conflict ? conflict.problem()
        : ((ApiOutcome.NotAuthorized) outcome).problem();
    return type + "(" + problem.status() + " " + problem.fragment() + ")";
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
      case "vertx" -> new VertxAccountsApi(settings, mapper);
      case "apache" -> new ApacheAsyncAccountsApi(settings, mapper, Clock.systemUTC(), 1024);
      case "vertx-1", "vertx-2", "vertx-4" -> new VertxAccountsApi(settings, mapper,
          Clock.systemUTC(), Integer.parseInt(impl.substring("vertx-".length())));
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
