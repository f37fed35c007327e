package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad benchmark options are refused in one line naming the option and what it allows, exit code
 * 2, before any broker or child JVM starts.
 */
class BenchCommandTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--warm-up-max=10 | --warm-up-max must be from --warm-up (50000) to 10000000, but was 10",
      "--warm-up=0 | --warm-up must be from 1 to 10000000, but was 0",
      "--warm-up=20000000 --warm-up-max=30000000 | --warm-up must be from 1 to 10000000, but was 20000000",
      "--rounds=0 | --rounds must be at least 1, but was 0",
      "--commands=0 | --commands must be from 1 to 10000000, but was 0",
      "--commands=2147483647 | --commands must be from 1 to 10000000, but was 2147483647",
      "--keys=0 | --keys must be from 1 to --commands (50000), but was 0",
      "--keys=1000 --commands=10 | --keys must be from 1 to --commands (10), but was 1000",
      "--partitions=100000 | --partitions must be from 1 to 1000, but was 100000",
      "--in-flight=0 | --in-flight must be from 1 to 10000, but was 0",
      "--in-flight=1000000000 | --in-flight must be from 1 to 10000, but was 1000000000",
      "--latencies=100000000 | --latencies must be one or more distinct values from 0 to 3600000 (ms), "
          + "comma-separated, but was [100000000]",
      "--latencies=0,20,0 | --latencies must be one or more distinct values from 0 to 3600000 (ms), "
          + "comma-separated, but was [0, 20, 0]",
      "--modes=worker,raw-http,worker | --modes must name one or more modes, each once, but was "
          + "[worker, raw-http, worker]",
      "--modes=foo | --modes must be one or more of worker, classic-listener, parallel-consumer, "
          + "raw-http, worker-no-api, comma-separated, but was 'foo'",
      "--modes= | --modes must be one or more of worker, classic-listener, parallel-consumer, "
          + "raw-http, worker-no-api, comma-separated, but was ''",
      "--bogus=1 | bench: unknown option --bogus=1",
      "--sut.mode=worker | the --sut.* options are the benchmark's own, for its child JVMs; missing "
          + "--sut.bootstrap-servers, --sut.api-url, --sut.topic-prefix, --sut.partitions, "
          + "--sut.in-flight, --sut.commands, --sut.keys"})
  void givenABadOption_whenTheBenchmarkStarts_thenItIsBadUsageNamingTheOption(String options,
      String message) {
    CliRun run = bench(options.split(" "));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: " + message + "\n");
    assertThat(run.out()).as("nothing started").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--commands=abc | Invalid value for option '--commands': 'abc' is not a whole number from "
          + "-2147483648 to 2147483647",
      "--latencies=0,x | Invalid value for option '--latencies' (<latencies>): 'x' is not a whole "
          + "number"})
  void givenAValueThatIsNotANumber_whenTheBenchmarkStarts_thenTheLineSaysAWholeNumberIsWanted(
      String option, String message) {
    CliRun run = bench(option);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("error: " + message + "\n");
    assertThat(run.out()).as("nothing started").isEmpty();
  }

  @Test
  void givenAnOutputThatIsAFile_whenTheBenchmarkStarts_thenItIsBadUsageBeforeTheBrokerStarts()
      throws IOException {
    // Given
    Path file = Files.writeString(dir.resolve("results"), "not a directory");

    // When
    CliRun run = bench("--output=" + file);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: --output must be a directory this "
        + "user can write (it is created if missing), but was " + file + "\n");
    assertThat(run.out()).as("nothing started").isEmpty();
  }

  @Test
  void givenABrokerAddressThatDoesNotResolve_whenTheBenchmarkStarts_thenItIsBadUsageNamingIt() {
    // When
    CliRun run = bench("--bootstrap-servers=nohost.invalid:9");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString())
        .startsWith("error: cannot reach Kafka at --bootstrap-servers=nohost.invalid:9")
        .hasLineCount(1);
    assertThat(run.out()).as("no sandbox started").isEmpty();
  }

  @Test
  void givenAChildJvmOptionTheJvmRefuses_whenTheBenchmarkStarts_thenItIsBadUsageNamingIt() {
    // When
    CliRun run = bench("--child-jvm-option=-Xbogus");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("error: --child-jvm-option must be options this JVM accepts, but -Xbogus made "
            + "it say: Unrecognized option: -Xbogus\n");
    assertThat(run.out()).as("nothing started").isEmpty();
  }

  @Test
  void givenAGcLogOption_whenTheChildJvmOptionsAreChecked_thenTheCheckWritesNoLog() {
    // Given a GC log the children are to write, and an option the JVM refuses
    Path gcLog = dir.resolve("gc.log");

    // When
    CliRun run = bench("--child-jvm-option=-Xlog:gc:file=" + gcLog, "--child-jvm-option=-Xbogus");

    // Then only the refused option is named, and the check left no GC log of its own
    assertThat(run.err()).as(run.toString()).isEqualTo("error: --child-jvm-option must be options "
        + "this JVM accepts, but -Xbogus made it say: Unrecognized option: -Xbogus\n");
    assertThat(gcLog).doesNotExist();
  }

  /** {@code bench} with {@code options}, its output in the test's directory unless given. */
  private CliRun bench(String... options) {
    List<String> args = new ArrayList<>(List.of("bench"));
    if (List.of(options).stream().noneMatch(option -> option.startsWith("--output="))) {
      args.add("--output=" + dir.resolve("bench"));
    }
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }
}
