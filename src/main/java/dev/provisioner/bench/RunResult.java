package dev.provisioner.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One mode at one latency: a row of the table and of {@code results.json}. {@code
 * machineCpuUsPerCommand} (all processes' CPU per command, -1 when unknown) is in the table only,
 * {@code results.json} keeping the fields.
 */
public record RunResult(@JsonProperty("mode") String mode,
    @JsonProperty("latency_ms") long latencyMs, @JsonProperty("partitions") int partitions,
    @JsonProperty("keys") int keys, @JsonProperty("commands") int commands,
    @JsonProperty("in_flight") int inFlight,
    @JsonProperty("throughput_per_s") double throughputPerS, @JsonProperty("p50_ms") double p50Ms,
    @JsonProperty("p99_ms") double p99Ms,
    @JsonProperty("cpu_us_per_command") double cpuUsPerCommand,
    @JsonProperty("peak_heap_mb") double peakHeapMb,
    @JsonIgnore double machineCpuUsPerCommand) {
}
