package dev.provisioner.worker;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's faults during one phase of a {@link Scenario}: the body of a {@code PUT
 * /_sandbox/faults}, and an outage to start, when any.
 *
 * @param faults the fault settings, snake_case JSON ({@code {}} is none)
 * @param outage the body of a {@code POST /_sandbox/outage}, or null
 */
record FaultPhase(String faults, @Nullable String outage) {

  private static final List<Integer> FAILURE_STATUSES = List.of(500, 502, 503, 504, 429);
  private static final List<Integer> LOST_ANSWER_STATUSES = List.of(500, 502, 503, 504);

  static final FaultPhase NONE = new FaultPhase("{}", null);

  /** One of the kinds of fault, at random strengths. */
  static FaultPhase random(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> NONE;
      case 1 -> new FaultPhase(errors(random), null);
      case 2 -> new FaultPhase("{\"latency_ms\": %d, \"jitter_ms\": 50}".formatted(20 + random.nextInt(80)), null);
      case 3 -> new FaultPhase(lostAnswers(random), null);
      case 4 -> new FaultPhase(lostAnswers(random).replace("}", ", \"conflict_type\": \"conflict\"}"), null);
      case 5 -> new FaultPhase("{}", "{\"seconds\": %d, \"mode\": \"%s\"}".formatted(1 + random.nextInt(3),
          random.nextBoolean() ? "refuse" : "hang"));
      case 6 -> new FaultPhase("{\"rate_limit_per_second\": %d}".formatted(30 + random.nextInt(40)), null);
      default -> new FaultPhase(errors(random).replace("}", ", " + lostAnswers(random).substring(1)
          .replace("}", ", \"conflict_type\": \"conflict\", \"latency_ms\": 10}")), null);
    };
  }

  /**
   * 5 to 25 % of requests failing with one status; 429s (with {@code Retry-After: 1}, which holds
   * every call) at 5 %, else the worker, correctly, slows to a crawl.
   */
  private static String errors(Random random) {
    int status = FAILURE_STATUSES.get(random.nextInt(FAILURE_STATUSES.size()));
    double rate = status == 429 ? 0.05 : 0.05 + random.nextInt(5) * 0.05;
    return String.format(Locale.ROOT, "{\"failure_rate\": %.2f, \"failure_status\": %d}", rate, status);
  }

  private static String lostAnswers(Random random) {
    return String.format(Locale.ROOT,
        "{\"duplicate_rate\": %.2f, \"duplicate_mode\": \"%s\", \"duplicate_status\": %d}", 0.1 + random.nextInt(4) * 0.1, random.nextBoolean() ? "status" : "drop",
        LOST_ANSWER_STATUSES.get(random.nextInt(LOST_ANSWER_STATUSES.size())));
  }

  /** Sets these faults on the fixture's sandbox, replacing those before. */
  void apply(WorkerFixture fixture) {
    fixture.sandboxAdmin("PUT", "/_sandbox/faults", faults);
    if (outage != null) {
      fixture.sandboxAdmin("POST", "/_sandbox/outage", outage);
    }
  }

  @Override
  public String toString() {
    return "faults " + faults + (outage == null ? "" : ", outage " + outage);
  }
}
