package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.sandbox.billing.BillingLimits;
import dev.provisioner.sandbox.gateway.FaultSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's start-up settings: a value that would overflow or make no sense stops the
 * {@code sandbox} command with exit code 2 and one line naming the setting and what it allows.
 */
class SandboxSettingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--sandbox.idempotency-ttl=0 | sandbox.idempotency-ttl must be a positive duration of at most 365d "
          + "(e.g. 500ms, 10s, 2m), but was 0s",
      "--sandbox.idempotency-ttl=366d | sandbox.idempotency-ttl must be a positive duration of at most 365d "
          + "(e.g. 500ms, 10s, 2m), but was 366d",
      "--sandbox.max-body-size=2GB | sandbox.max-body-size must be positive and at most 1GB (a body "
          + "is kept in memory), but was 2GB",
      "--sandbox.max-body-size=0 | sandbox.max-body-size must be positive and at most 1GB (a body "
          + "is kept in memory), but was 0B",
      "--sandbox.faults.outage.seconds=9223372036854775807 | sandbox.faults.outage.seconds must be between "
          + "0 and 86400 (a day), but was 9223372036854775807",
      "--sandbox.faults.rate-limit-per-second=-5 | sandbox.faults.rate-limit-per-second must be between 0 "
          + "(no limit) and 1000000, but was -5",
      "--sandbox.idempotency-ttl= | sandbox.idempotency-ttl must not be empty: give it a value, or leave it "
          + "out to take its default if it has one",
      "--sandbox.faults.latency-ms=99999999999999 | sandbox.faults.latency-ms must be between 0 and "
          + "3600000 (an hour), but was 99999999999999",
      "--sandbox.faults.outage.mode=sometimes | sandbox.faults.outage.mode must be one of refuse, hang, "
          + "but was 'sometimes'",
      "--sandbox.idempotency-ttl=10 minutes | sandbox.idempotency-ttl must be a duration such as 500ms, "
          + "10s, 2m or 24h, but was '10 minutes'"})
  void theSandboxCommandStopsWithOneLineNamingTheSetting(String setting, String line) {
    // When the sandbox starts with one bad setting
    CliRun run = CliRun.withConsole("sandbox", "--port=0", setting);

    // Then it exits 2 with that one line and no stack trace
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: " + line + "\n");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
  }

  @Test
  void theSettingsNeverShowTheApiKey() {
    SandboxProperties settings = new SandboxProperties("sk_test_sandboxOnlyKey42", "0.0.0.0",
        Duration.ofHours(24), 1_000_000, DataSize.ofMegabytes(1), BillingLimits.DEFAULTS,
        FaultSettings.NONE);

    assertThat(settings.toString()).doesNotContain("sandboxOnlyKey42").contains("apiKey=****")
        .contains("maxBodySize=1MB");
  }
}
