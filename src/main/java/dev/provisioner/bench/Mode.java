package dev.provisioner.bench;

import java.util.Arrays;

/** The systems the benchmark compares, by the name used on the command line and in results. */
public enum Mode {
  WORKER("worker"),
  CLASSIC_LISTENER("classic-listener"),
  PARALLEL_CONSUMER("parallel-consumer"),
  RAW_HTTP("raw-http");

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
            + "'; known: worker, classic-listener, parallel-consumer, raw-http"));
  }
}
