package dev.provisioner.sandbox.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of billing API requests by answer ({@code "201"}, {@code "dropped"}, {@code "hung"}) and
 * by operation ({@code "POST /billing/accounts"}), the requests in progress, plus the notable events tests assert on.
 */
public final class Stats {

  private final ConcurrentHashMap<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> events = new ConcurrentHashMap<>();
  private final LongAdder inFlight = new LongAdder();

  /** A snapshot, serialised snake_case by the admin API. */
  public record Snapshot(long total, long inFlight, Map<String, Long> byStatus, Map<String, Long> byEndpoint,
      Map<String, Long> events) {
  }

  /** A request arrived; {@link #left()} when it is answered or abandoned. */
  public void arrived() {
    inFlight.increment();
  }

  public void left() {
    inFlight.decrement();
  }

  public void answered(String endpoint, String status) {
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
  }

  /** One of: {@code replayed}, {@code injected_failures}, {@code duplicates_made}, ... */
  public void event(String name) {
    events.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  public Snapshot snapshot() {
    Map<String, Long> statuses = copy(byStatus);
    long total = statuses.values().stream().mapToLong(Long::longValue).sum();
    return new Snapshot(total, inFlight.sum(), statuses, copy(byEndpoint), copy(events));
  }

  public void clear() {
    byStatus.clear();
    byEndpoint.clear();
    events.clear();
  }

  private static Map<String, Long> copy(Map<String, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((key, value) -> copy.put(key, value.sum()));
    return copy;
  }
}
