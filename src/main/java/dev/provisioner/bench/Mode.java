package dev.provisioner.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The systems the benchmark compares, by the name used on the command line and in results. */
public enum Mode {
  WORKER("worker"),
  CLASSIC_LISTENER("classic-listener"),
  PARALLEL_CONSUMER("parallel-consumer"),
  RAW_HTTP("raw-http"),
  /**
   * A diagnostic, not a peer: the worker with every API call answered at once in its own JVM
   * ({@link InstantAccountsApi}), so it measures what Kafka and the worker's own steps cost
   * without HTTP and without the sandbox. Not in the default run.
   */
  WORKER_NO_API("worker-no-api");

  private final String id;

  Mode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** True for the modes that read commands from Kafka and publish replies. */
  public boolean usesKafka() {
    return this != RAW_HTTP;
  }

  public static Mode of(String id) {
    return Arrays.stream(values()).filter(mode -> mode.id.equals(id.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown bench mode '" + id
            + "'; known: " + ids()));
  }

  /** Every mode's ID, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
  }
}
