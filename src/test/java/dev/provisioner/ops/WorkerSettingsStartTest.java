package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.FreePorts;
import dev.provisioner.testing.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code worker} command with a bad setting: the start stops with exit code 2 and exactly
 * one line on standard error naming the setting, never a stack trace, and never showing the key.
 */
class WorkerSettingsStartTest {

  private static final String BASE_URL = "--provisioner.api.base-url=http://localhost:9";
  private static final String TEST_KEY = "sk_test_startCheck7Kq2xVb9";
  private static final String KEY = "--provisioner.api.key=" + TEST_KEY;

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("missing base URL", List.of(KEY), "provisioner.api.base-url"),
        Arguments.of("missing key", List.of(BASE_URL), "provisioner.api.key"),
        Arguments.of("public key", List.of(BASE_URL, "--provisioner.api.key=pk_test_publicKey123"),
            "provisioner.api.key"),
        Arguments.of("live key not allowed", List.of(BASE_URL, "--provisioner.api.key=sk_live99Secret"),
            "provisioner.api.allow-live-key"),
        Arguments.of("in-flight 0", List.of(BASE_URL, KEY, "--provisioner.worker.in-flight=0"),
            "provisioner.worker.in-flight"),
        Arguments.of("base URL not http", List.of("--provisioner.api.base-url=ftp://host", KEY),
            "provisioner.api.base-url"),
        Arguments.of("in-flight not a number", List.of(BASE_URL, KEY, "--provisioner.worker.in-flight=abc"),
            "provisioner.worker.in-flight must be a whole number, but was 'abc'"),
        Arguments.of("connect timeout not a duration",
            List.of(BASE_URL, KEY, "--provisioner.api.connect-timeout=bogus"),
            "provisioner.api.connect-timeout must be a duration such as 500ms, 10s, 2m or 24h, but was 'bogus'"),
        Arguments.of("request timeout zero", List.of(BASE_URL, KEY, "--provisioner.api.request-timeout=0s"),
            "provisioner.api.request-timeout"),
        Arguments.of("listener concurrency 0",
            List.of(BASE_URL, KEY, "--spring.kafka.listener.concurrency=0"),
            "spring.kafka.listener.concurrency must be between 1 and 100, but was 0"),
        Arguments.of("listener concurrency a million",
            List.of(BASE_URL, KEY, "--spring.kafka.listener.concurrency=1000000"),
            "spring.kafka.listener.concurrency must be between 1 and 100, but was 1000000"),
        Arguments.of("empty commands topic", List.of(BASE_URL, KEY, "--provisioner.topics.commands="),
            "provisioner.topics.commands must not be empty"),
        Arguments.of("unknown log format",
            List.of(BASE_URL, KEY, "--logging.structured.format.console=bogus"),
            "logging.structured.format.console must be one of ecs, gelf, logstash"),
        Arguments.of("negative initial back-off",
            List.of(BASE_URL, KEY, "--provisioner.resilience.initial-backoff=-1s"),
            "provisioner.resilience.initial-backoff must be a positive duration"),
        Arguments.of("max back-off below the initial one",
            List.of(BASE_URL, KEY, "--provisioner.resilience.max-backoff=100ms"),
            "provisioner.resilience.max-backoff must be at least provisioner.resilience.initial-backoff"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aBadSettingStopsTheStartWithOneLineNamingIt(String name, List<String> settings, String named) {
    assertStopsWithOneLineContaining(settings, named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--provisioner.api.connect-timeout=10 minutes | provisioner.api.connect-timeout must be a duration "
          + "such as 500ms, 10s, 2m or 24h, but was '10 minutes'",
      "--provisioner.api.connect-timeout= | provisioner.api.connect-timeout must not be empty",
      "--provisioner.api.connect-timeout=99999999999999d | provisioner.api.connect-timeout must be a "
          + "positive duration of at most 1d (e.g. 500ms, 10s, 2m), but was 99999999999999d",
      "--provisioner.api.allow-live-key=maybe | provisioner.api.allow-live-key must be true or false, but "
          + "was 'maybe'",
      "--provisioner.topics.replication=40000 | provisioner.topics.replication must be a whole number "
          + "from -32768 to 32767, but was '40000'",
      "--spring.kafka.consumer.group-id= | spring.kafka.consumer.group-id must not be empty",
      "--spring.kafka.producer.transaction-id-prefix= | spring.kafka.producer.transaction-id-prefix must "
          + "not be empty",
      "--spring.kafka.consumer.max-poll-records=0 | spring.kafka.consumer.max-poll-records must be at "
          + "least 1, but was 0",
      "--spring.kafka.listener.ack-mode=batch | spring.kafka.listener.ack-mode must be manual (the worker "
          + "acknowledges each batch itself), but was batch",
      "--provisioner.resilience.max-batch-wait=15m | provisioner.resilience.max-batch-wait must be less "
          + "than spring.kafka.consumer.properties.max.poll.interval.ms (10m), or a waiting batch loses "
          + "its partitions, but was 15m",
      "--spring.kafka.listener.auth-exception-retry-interval=-1s | "
          + "spring.kafka.listener.auth-exception-retry-interval must be a positive duration of at most 1d",
      "--provisioner.resilience.max-atempts=3 | provisioner.resilience.max-atempts is not a setting of "
          + "the worker; its provisioner.resilience.* settings are max-attempts, initial-backoff",
      "--provisioner.apii.key=sk_test_x | provisioner.apii.key is not a setting of the worker; its "
          + "provisioner.* settings are api.*, topics.*, worker.*, resilience.*",
      "--provisioner.worker.in-flight.max=3 | provisioner.worker.in-flight.max is not a setting of the "
          + "worker"})
  void aValueSpringBootOrKafkaWouldTakeOrReportInItsOwnWordsStopsTheStartNamingIt(String setting,
      String named) {
    assertStopsWithOneLineContaining(List.of(BASE_URL, KEY, setting), named);
  }

  private static void assertStopsWithOneLineContaining(List<String> settings, String named) {
    // Given a worker command line with one bad setting
    List<String> args = new ArrayList<>(List.of("worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=localhost:9"));
    if (settings.stream().noneMatch(setting -> setting.startsWith("--provisioner.topics.commands="))) {
      args.add("--provisioner.topics.commands=start-check");
    }
    args.addAll(settings);

    // When it starts
    CliRun run = CliRun.withConsole(args.toArray(String[]::new));

    // Then it exits 2 with one line on stderr that names the setting and hides every key
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
        .satisfies(line -> assertThat(line).startsWith("error: ").contains(named));
    assertThat(run.out()).as("no stack trace on stdout either").doesNotContain("\tat ");
    assertThat(run.err()).doesNotContain(TEST_KEY, "pk_test_publicKey123", "sk_live99Secret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--provisioner.topics.replication=3 | with provisioner.topics.partitions=6 and "
          + "provisioner.topics.replication=3: Unable to replicate the partition 3 time(s)",
      "--provisioner.topics.partitions=1000000 | with provisioner.topics.partitions=1000000 and "
          + "provisioner.topics.replication=1: Excessively large number of partitions per request"})
  void topicsTheBrokerRefusesToCreateStopTheStartNamingTheSettingsAndTheBrokersReason(String setting,
      String reason) {
    // Given a broker of one node, and topics that do not exist yet
    String commands = TestKafka.uniqueTopic("refused");

    // When the worker starts with settings it cannot create them with
    CliRun run = CliRun.withConsole("worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(), "--provisioner.topics.commands=" + commands,
        "--provisioner.topics.replies=" + commands + "-replies",
        "--provisioner.topics.dead-letters=" + commands + "-dlt", BASE_URL, KEY, setting);

    // Then it exits 2 with one line naming both settings and why the broker refused
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
        .satisfies(line -> assertThat(line).startsWith("error: the broker refused to create topic ")
            .contains(reason));
  }

  @Test
  void aServerPortOutOfRangeStopsTheStartBeforeTheBrokerWithOneLineNamingTheSettingAndTheRange() {
    // When the worker starts with a management port no server can listen on, and no broker
    CliRun run = CliRun.withConsole("worker", "--server.port=99999",
        "--spring.kafka.bootstrap-servers=localhost:9", BASE_URL, KEY);

    // Then it exits 2 with one line naming server.port and what it allows
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: server.port must be a whole number "
        + "between 0 and 65535 (0: any free port), but was '99999'\n");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
  }

  @Test
  void anOptionGivenTwiceStopsTheStartBeforeTheBrokerWithOneLineNamingIt() {
    // When the worker starts with its consumer group given twice, and no broker
    CliRun run = CliRun.withConsole("worker", "--server.port=0", "--spring.kafka.consumer.group-id=g1",
        "--spring.kafka.consumer.group-id=g2", "--spring.kafka.bootstrap-servers=localhost:9", BASE_URL, KEY);

    // Then it exits 2 with one line naming the option, not a worker in the group "g1,g2"
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).startsWith(
        "error: --spring.kafka.consumer.group-id is given 2 times: give it once").doesNotContain("g1,g2");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anUnreachableBrokerStopsTheStartWithinTheCheckWithOneLineNamingTheSettingAndTheAddress()
      throws IOException {
    // Given an address where no broker listens
    String servers = "localhost:" + FreePorts.any();

    // When the worker starts against it
    CliRun run = CliRun.withConsole("worker", "--server.port=0", "--spring.kafka.bootstrap-servers=" + servers,
        "--provisioner.topics.commands=" + TestKafka.uniqueTopic("unreachable"), BASE_URL, KEY);

    // Then it exits 2 with one line naming the setting and the address
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).endsWith("error: cannot reach Kafka at "
        + "spring.kafka.bootstrap-servers=" + servers + " within 15 s\n");
    assertThat(run.out()).as(run.toString()).doesNotContain("\tat ")
        .as("no warning per connection attempt before that line").doesNotContain("could not be established");
  }


  @Test
  void aServerPortInUseStopsTheStartWithOneLineNamingTheSettingAndThePort() throws IOException {
    // Given the management port is taken, and a broker that answers (the web server starts last)
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();

      // When the worker starts on that port
      CliRun run = CliRun.withConsole("worker", "--server.port=" + port,
          "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
          "--provisioner.topics.commands=" + TestKafka.uniqueTopic("port-check"),
          "--provisioner.topics.replies=" + TestKafka.uniqueTopic("port-check-replies"),
          "--provisioner.topics.dead-letters=" + TestKafka.uniqueTopic("port-check-dlt"),
          "--spring.kafka.consumer.group-id=" + TestKafka.uniqueTopic("port-check"), BASE_URL, KEY);

      // Then it exits 2 with one line naming server.port and the port
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).as(run.toString()).isEqualTo("error: server.port " + port
          + " is already in use; choose another port or stop what uses it\n");
      assertThat(run.out()).as(run.toString()).doesNotContain("\tat ");
    }
  }
}
