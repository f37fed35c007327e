package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The faults in force: the current {@link FaultSettings} (swapped atomically as a whole) and the
 * outage window, with the random draws that decide each request's fate.
 */
public final class Faults {

  private final FaultSettings startup;
  private final Clock clock;
  private final AtomicReference<FaultSettings> current;
  private final AtomicReference<@Nullable Outage> outage = new AtomicReference<>();
  private final RateLimiter rateLimit = RateLimiter.of("sandbox", RateLimiterConfig.custom()
      .limitForPeriod(1).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());

  public Faults(FaultSettings startup, Clock clock) {
    this.startup = startup;
    this.clock = clock;
    this.current = new AtomicReference<>(startup);
  }

  public FaultSettings settings() {
    return current.get();
  }

  public void set(FaultSettings settings) {
    current.set(settings);
  }

  public void startOutage(Duration length, Outage.Mode mode) {
    outage.set(new Outage(clock.instant().plus(length), mode));
  }

  public void endOutage() {
    outage.set(null);
  }

  /** The outage in force now, if any. */
  public Optional<Outage> activeOutage() {
    Outage window = outage.get();
    return window != null && window.activeAt(clock.instant()) ? Optional.of(window)
        : Optional.empty();
  }

  public Duration untilOutageEnds(Outage window) {
    Duration left = Duration.between(clock.instant(), window.until());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Back to the start-up settings, without an outage. */
  public void reset() {
    current.set(startup);
    outage.set(null);
  }

  /**
   * The 429 of a request over the rate limit, if it is: the first {@code rate_limit_per_second}
   * requests of each second pass (resilience4j's limiter, taking no wait), the rest are refused.
   */
  Optional<Reply> overRateLimit(FaultSettings settings, String instance) {
    long perSecond = settings.rateLimitPerSecond();
    if (perSecond == 0) {
      return Optional.empty();
    }
    if (rateLimit.getRateLimiterConfig().getLimitForPeriod() != perSecond) {
      rateLimit.changeLimitForPeriod((int) perSecond);
    }
    if (rateLimit.acquirePermission()) {
      return Optional.empty();
    }
    Reply reply = ProblemType.forStatus(429).reply(429,
        "over the rate limit of " + perSecond + " requests per second", instance);
    // The window is a second long, so the next one opens within a second.
    return Optional.of(settings.rateLimitRetryAfter() ? reply.withHeader("Retry-After", "1") : reply);
  }

  Duration latency(FaultSettings settings) {
    long jitter = settings.jitterMs() == 0 ? 0
        : ThreadLocalRandom.current().nextLong(settings.jitterMs() + 1);
    return Duration.ofMillis(settings.latencyMs() + jitter);
  }

  boolean fails(FaultSettings settings) {
    return draw(settings.failureRate());
  }

  boolean duplicates(FaultSettings settings) {
    return draw(settings.duplicateRate());
  }

  Reply failure(FaultSettings settings, String instance) {
    int status = settings.failureStatus();
    Reply reply = ProblemType.forStatus(status).reply(status, "injected by the sandbox", instance);
    return status == 429
        ? reply.withHeader("Retry-After", Long.toString(settings.retryAfterSeconds())) : reply;
  }

  private static boolean draw(double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}
