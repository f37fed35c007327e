package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code worker} command with a bad setting: the start stops with exit code 2 and exactly
 * one line on standard error naming the setting, and never showing the key.
 */
class WorkerSettingsStartTest {

  private static final String BASE_URL = "--provisioner.api.base-url=http://localhost:9";
  private static final String TEST_KEY = "sk_test_startCheck7Kq2xVb9";

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("missing base URL", List.of("--provisioner.api.key=" + TEST_KEY),
            "provisioner.api.base-url"),
        Arguments.of("missing key", List.of(BASE_URL), "provisioner.api.key"),
        Arguments.of("public key", List.of(BASE_URL, "--provisioner.api.key=pk_test_publicKey123"),
            "provisioner.api.key"),
        Arguments.of("live key not allowed", List.of(BASE_URL, "--provisioner.api.key=sk_live99Secret"),
            "provisioner.api.allow-live-key"),
        Arguments.of("in-flight 0", List.of(BASE_URL, "--provisioner.api.key=" + TEST_KEY,
            "--provisioner.worker.in-flight=0"), "provisioner.worker.in-flight"),
        Arguments.of("base URL not http", List.of("--provisioner.api.base-url=ftp://host",
            "--provisioner.api.key=" + TEST_KEY), "provisioner.api.base-url"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aBadSettingStopsTheStartWithOneLineNamingIt(String name, List<String> settings, String named) {
    // Given a worker command line with one bad setting
    List<String> args = new ArrayList<>(List.of("worker", "--server.port=0",
        "--spring.kafka.bootstrap-servers=localhost:9", "--provisioner.topics.commands=start-check"));
    args.addAll(settings);

    // When it starts
    CliRun run = CliRun.of(args.toArray(String[]::new));

    // Then it exits 2 with one line on stderr that names the setting and hides every key
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
        .satisfies(line -> assertThat(line).startsWith("error: ").contains(named));
    assertThat(run.err()).doesNotContain(TEST_KEY, "pk_test_publicKey123", "sk_live99Secret");
  }
}
