package dev.provisioner.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One mode at one latency: a row of the table and of {@code results.json}. CPU figures cover
 * the throughput's window (from the first tenth's completion to the last) when it lasted a second
 * or more, else the whole run. {@code machineCpuUsPerCommand} (all processes' CPU per command) and
 * {@code machineBusyPercent} (the machine's busy share of all cores during the window) are in the
 * table only, -1 when unknown; {@code results.json} keeps the fields.
 */
public record RunResult(@JsonProperty("mode") String mode,
    @JsonProperty("latency_ms") long latencyMs, @JsonProperty("partitions") int partitions,
    @JsonProperty("keys") int keys, @JsonProperty("commands") int commands,
    @JsonProperty("in_flight") int inFlight,
    @JsonProperty("throughput_per_s") double throughputPerS, @JsonProperty("p50_ms") double p50Ms,
    @JsonProperty("p99_ms") double p99Ms,
    @JsonProperty("cpu_us_per_command") double cpuUsPerCommand,
    @JsonProperty("peak_heap_mb") double peakHeapMb,
    @JsonIgnore double machineCpuUsPerCommand, @JsonIgnore long machineBusyPercent) {
}
