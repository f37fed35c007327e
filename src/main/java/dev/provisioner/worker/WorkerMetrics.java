package dev.provisioner.worker;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.command.Reply;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import tools.jackson.databind.JsonNode;

/**
 * The worker's own Prometheus metrics, all under {@code provisioner_}: commands by outcome, API
 * latency by operation and status (a histogram), commands in flight, retries, dead letters and the
 * client's rate limit.
 *
 * <p>Kafka's per-partition consumer lag is renamed {@code provisioner_consumer_lag} by
 * {@link #consumerLagName()}; resilience4j's breaker, retry and bulkhead metrics
 * ({@code resilience4j_*}) come from its own binders.
 */
final class WorkerMetrics implements SmartInitializingSingleton {

  private static final String KAFKA_LAG = "kafka.consumer.fetch.manager.records.lag";
  private static final String CONSUMER_LAG = "provisioner.consumer.lag";

  private final MeterRegistry registry;
  private final BulkheadRegistry bulkheads;
  private final RetryRegistry retries;
  private final Counter retryCounter;
  private final Counter deadLetters;
  private final Map<String, Timer> apiTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

  WorkerMetrics(MeterRegistry registry, BulkheadRegistry bulkheads, RetryRegistry retries, ClientRate rate) {
    this.registry = registry;
    this.bulkheads = bulkheads;
    this.retries = retries;
    this.retryCounter = Counter.builder("provisioner.api.retries")
        .description("API calls made again after a transient failure").register(registry);
    this.deadLetters = Counter.builder("provisioner.dead.letters")
        .description("Records published to the dead-letter topic").register(registry);
    Gauge.builder("provisioner.commands.in.flight", this, WorkerMetrics::inFlight)
        .description("Commands started and not yet finished").register(registry);
    Gauge.builder("provisioner.api.rate.limit", rate, ClientRate::limitPerSecond)
        .description("API calls a second the client allows itself now; 0 when not limited").register(registry);
  }

  /**
   * Kafka's {@code records-lag} per partition, scraped as {@code provisioner_consumer_lag} with the
   * worker's other metrics. Renamed by the Prometheus naming convention, not by a {@code
   * MeterFilter}: Micrometer's Kafka binder removes the series of a partition the consumer lost by
   * its own id, which a filter's new name hides from it (micrometer#7541), so the series stayed,
   * {@code NaN}, until the partition came back.
   */
  static MeterRegistryCustomizer<PrometheusMeterRegistry> consumerLagName() {
    return registry -> registry.config().namingConvention(new ConsumerLagName(registry.config().namingConvention()));
  }

  /** {@code prometheus}'s names, with {@link #KAFKA_LAG} named {@link #CONSUMER_LAG}. */
  private record ConsumerLagName(NamingConvention prometheus) implements NamingConvention {

    @Override
    public String name(String name, Meter.Type type, @Nullable String baseUnit) {
      return prometheus.name(KAFKA_LAG.equals(name) ? CONSUMER_LAG : name, type, baseUnit);
    }

    @Override
    public String tagKey(String key) {
      return prometheus.tagKey(key);
    }

    @Override
    public String tagValue(String value) {
      return prometheus.tagValue(value);
    }
  }

  /** Binds to the breaker's retry once every bean exists (the retry is made by the handler's bean). */
  @Override
  public void afterSingletonsInstantiated() {
    retries.find(WorkerConfiguration.API)
        .ifPresent(retry -> retry.getEventPublisher().onRetry(event -> retryCounter.increment()));
  }

  /** Counts one record's outcome as it is published. */
  void published(Outcome outcome) {
    Reply reply = outcome instanceof Outcome.Answered answered
        ? answered.reply()
        : ((Outcome.DeadLettered) outcome).reply();
    String name = reply == null ? "dead-lettered" : reply.status().name().toLowerCase(Locale.ROOT);
    outcomes.computeIfAbsent(name,
        named -> registry.counter("provisioner.commands", "outcome", named)).increment();
    if (outcome instanceof Outcome.DeadLettered) {
      deadLetters.increment();
    }
  }

  /** {@code api} with every call timed into {@code provisioner_api_requests_seconds}. */
  AccountsApi timed(AccountsApi api) {
    return new AccountsApi() {
      @Override
      public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
        return time("create", () -> api.create(accountBody, idempotencyKey));
      }

      @Override
      public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
        return time("retrieve", () -> api.retrieve(accountOrExternalReference));
      }
    };
  }

  private CompletableFuture<ApiOutcome> time(String operation, Supplier<CompletableFuture<ApiOutcome>> call) {
    long start = System.nanoTime();
    return call.get().whenComplete((outcome, error) -> apiTimer(operation,
        outcome == null ? "error" : String.valueOf(status(outcome)))
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

  /** One timer per operation and status, registered on first use (a lookup per call costs). */
  private Timer apiTimer(String operation, String status) {
    return apiTimers.computeIfAbsent(operation + ' ' + status, key -> Timer
        .builder("provisioner.api.requests")
        .description("Calls to the Moment API by operation and HTTP status (0: no response)")
        .tag("operation", operation)
        .tag("status", status)
        .publishPercentileHistogram()
        .register(registry));
  }

  static int status(ApiOutcome outcome) {
    if (outcome instanceof ApiOutcome.Created created) {
      return created.replayed() ? 200 : 201;
    }
    if (outcome instanceof ApiOutcome.Rejected rejected) {
      return rejected.problem().status();
    }
    if (outcome instanceof ApiOutcome.Conflict conflict) {
      return conflict.problem().status();
    }
    if (outcome instanceof ApiOutcome.NotAuthorized denied) {
      return denied.problem().status();
    }
    return ((ApiOutcome.Transient) outcome).problem().status();
  }

  private double inFlight() {
    return bulkheads.find(WorkerConfiguration.API)
        .map(bulkhead -> bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
            - bulkhead.getMetrics().getAvailableConcurrentCalls())
        .orElse(0);
  }
}
