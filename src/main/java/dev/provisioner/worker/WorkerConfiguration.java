package dev.provisioner.worker;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.VertxAccountsApi;
import dev.provisioner.command.CommandParser;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/** Wires the worker: API client, resilience, processing, publishing and its topics. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  static final String API = "moment-api";

  /** The producer's {@code max.request.size} when it is not set: Kafka's default. */
  private static final int PRODUCER_MAX_REQUEST_BYTES = 1_048_576;

  /**
   * Outcomes of commands finished past a cut batch's commit point kept for their redelivery: a few
   * batches' worth (3,000 commands each by default), a few kilobytes each.
   */
  private static final int EARLY_OUTCOMES = 10_000;

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Vert.x core's client: in the benchmark the worker spent 25-30 % less CPU per command on it than
   * on Reactor Netty's, which did 2-6 times the JDK client's calls/s (see the README).
   *
   * <p>Left out when an {@link AccountsApi} is already registered: only an initializer passed to
   * {@link WorkerApplication#start(java.util.List,
   * org.springframework.context.ApplicationContextInitializer)} can do that, and it runs before
   * this class is read, so the condition does not depend on the order of configuration classes.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(AccountsApi.class)
  VertxAccountsApi accountsApi(WorkerSettings settings, JsonMapper mapper) {
    return new VertxAccountsApi(settings.api().toApiSettings(), mapper);
  }

  @Bean
  CommandParser commandParser(JsonMapper mapper, WorkerSettings settings) {
    return new CommandParser(mapper, settings.worker().maxCommandBytes());
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService retryScheduler() {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "provisioner-retry");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  Stopping stopping() {
    return new Stopping();
  }

  @Bean
  ShutdownTimeouts shutdownTimeouts(WorkerSettings settings, Environment environment) {
    return ShutdownTimeouts.of(settings, Binder.get(environment));
  }

  @Bean
  ShutdownTimeouts.OnRefresh listenerShutdownPhase(ShutdownTimeouts timeouts, ApplicationContext context,
      KafkaListenerEndpointRegistry listeners) {
    return new ShutdownTimeouts.OnRefresh(timeouts, context, listeners);
  }

  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerShutdownTimeout(
      ShutdownTimeouts timeouts) {
    return container -> timeouts.apply(container.getContainerProperties());
  }

  @Bean
  CommandHandler commandHandler(AccountsApi api, WorkerSettings settings, Clock clock,
      CircuitBreakerRegistry breakers, RetryRegistry retries,
      ScheduledExecutorService retryScheduler, BreakerPause breakerPause, WorkerMetrics metrics,
      ListenerSettings.Consumer consumer, ClientRate rate, Stopping stopping) {
    WorkerSettings.Resilience resilience = settings.resilience();
    consumer.requireLongerThan(resilience.maxBatchWait());
    CircuitBreaker breaker = breakers.circuitBreaker(API, Resilience.breakerConfig(resilience));
    breakerPause.watch(breaker);
    Retry retry = retries.retry(API, Resilience.retryConfig(resilience));
    ApiGuard guard = new ApiGuard(breaker, rate, clock, resilience.maxRetryAfter(),
        Resilience.throttlePauses(resilience), stopping);
    return new CommandHandler(metrics.timed(api), guard, retry, retryScheduler, clock, resilience.maxBatchWait());
  }

  /**
   * The client's rate limit: the fixed {@code rate-limit-per-second} when set, else one that
   * follows the API's 429s unless {@code adaptive-rate-limit} is off.
   */
  @Bean
  ClientRate clientRate(WorkerSettings settings, RateLimiterRegistry limiters, Clock clock) {
    WorkerSettings.Resilience resilience = settings.resilience();
    if (resilience.rateLimitPerSecond() > 0) {
      return ClientRate.fixed(limiters.rateLimiter(API, Resilience.rateLimiterConfig(resilience)));
    }
    return resilience.adaptiveRateLimit() ? new AdaptiveRate(clock, Duration.ofMinutes(1)) : ClientRate.unlimited();
  }

  @Bean
  MeterRegistryCustomizer<PrometheusMeterRegistry> consumerLagName() {
    return WorkerMetrics.consumerLagName();
  }

  @Bean
  WorkerMetrics workerMetrics(MeterRegistry registry, BulkheadRegistry bulkheads, RetryRegistry retries,
      ClientRate rate) {
    return new WorkerMetrics(registry, bulkheads, retries, rate);
  }

  @Bean(destroyMethod = "close")
  ConnectivityHealth.KafkaHealth kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    return ConnectivityHealth.kafka(kafkaAdmin);
  }

  @Bean
  HealthIndicator momentApiHealthIndicator(WorkerSettings settings) {
    return ConnectivityHealth.api(settings.api().toApiSettings().baseUrl());
  }

  @Bean
  BreakerPause breakerPause(KafkaListenerEndpointRegistry listeners, WorkerStatus status) {
    return new BreakerPause(listeners, status);
  }

  @Bean
  WorkerStatus workerStatus(Clock clock) {
    return new WorkerStatus(clock);
  }

  @Bean
  ConsumerEvents consumerEvents(WorkerStatus status, ApplicationEventPublisher publisher) {
    return new ConsumerEvents(status, publisher);
  }

  @Bean
  DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<byte[], byte[]> template,
      WorkerSettings settings) {
    String topic = settings.topics().deadLetters();
    DeadLetterPublishingRecoverer recoverer = new BoundedDeadLetters(template,
        (record, ex) -> new TopicPartition(topic, -1), maxRequestBytes(template));
    recoverer.addHeadersFunction(DeadLetterHeaders::messageId);
    return recoverer;
  }

  private static int maxRequestBytes(KafkaTemplate<?, ?> template) {
    Object configured = template.getProducerFactory().getConfigurationProperties()
        .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    return configured == null ? PRODUCER_MAX_REQUEST_BYTES : Integer.parseInt(configured.toString());
  }

  @Bean
  ReplyTopics replyTopics(KafkaAdmin kafkaAdmin, WorkerSettings settings, Clock clock) {
    return new ReplyTopics(new LazyAdmin(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(5)),
        settings.topics(), clock);
  }

  @Bean
  BatchProcessor batchProcessor(CommandParser parser, CommandHandler handler,
      KafkaTemplate<byte[], byte[]> template, DeadLetterPublishingRecoverer deadLetters,
      JsonMapper mapper, WorkerSettings settings, BulkheadRegistry bulkheads, WorkerMetrics metrics,
      ReplyTopics replyTopics, ListenerSettings.Consumer consumer, Clock clock, Stopping stopping) {
    Bulkhead inFlight = bulkheads.bulkhead(API, BulkheadConfig.custom()
        .maxConcurrentCalls(settings.worker().inFlight())
        .maxWaitDuration(Duration.ofDays(365))
        .build());
    Publisher publisher = new Publisher(template, deadLetters, mapper, replyTopics, metrics,
        maxRequestBytes(template) - BoundedDeadLetters.FRAMING);
    return new BatchProcessor(new RecordHandler(parser, handler), inFlight, publisher, clock,
        consumer.batchStartBudget(settings.resilience().maxBatchWait()), new EarlyOutcomes(EARLY_OUTCOMES), stopping);
  }

  @Bean
  CommandListener commandListener(BatchProcessor processor, WorkerStatus status,
      KafkaListenerEndpointRegistry listeners) {
    return new CommandListener(processor, status, listeners);
  }

  /** A failed batch (never a single command's fault) is rolled back and delivered again, forever. */
  @Bean
  AfterRollbackProcessor<Object, Object> afterRollbackProcessor(MeterRegistry registry, WorkerStatus status) {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(30_000);
    return new RollbackRecorder(backOff, registry, status);
  }

  @Bean
  TopicCreator topicCreator(KafkaAdmin kafkaAdmin, WorkerSettings settings) {
    return new TopicCreator(kafkaAdmin, settings.topics());
  }
}
