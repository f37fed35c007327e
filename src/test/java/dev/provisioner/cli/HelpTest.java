package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code --help} says: whole sentences, every option described, defaults and exit codes shown. */
class HelpTest {

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "dlt"})
  void everyCommandIsSummarisedInOneWholeSentenceOnOneLine(String command) {
    // When
    CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");

    // Then no summary runs on to a second line, and each ends its sentence
    List<String> summaries = commandList(run.out());
    assertThat(summaries).as(run.toString()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("  [a-z]+ +\\S.*\\."));
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"dev", "worker", "broker", "sandbox", "submit", "dlt list", "dlt show",
      "dlt replay", "bench"})
  void noHelpBreaksAUrlAcrossLines(String command) {
    // When
    CliRun run = CliRun.of((command + " --help").split(" "));

    // Then no line ends inside a URL, as "(default http:" did, "//localhost:8081)" below it
    assertThat(run.out().lines()).as(run.toString()).isNotEmpty()
        .noneMatch(line -> line.stripTrailing().endsWith("http:") || line.stripTrailing().endsWith("https:"));
  }

  @Test
  void workerHelpNamesTheKeySettingAndItsEnvironmentVariableOnOneLine() {
    // When
    CliRun run = CliRun.of("worker", "--help");

    // Then the environment variable is not left alone on a line of its own
    assertThat(run.out().lines().filter(line -> line.contains("PROVISIONER_API_KEY")))
        .as(run.toString()).singleElement().asString().contains("--provisioner.api.key");
  }

  @Test
  void replayHelpDescribesItsTopicsAndGroupWithTheirDefaults() {
    // When
    CliRun run = CliRun.of("dlt", "replay", "--help");

    // Then
    String help = run.out().replaceAll("\\s+", " ");
    assertThat(help).as(run.toString())
        .contains("--audit-topic=<auditTopic> gets one JSON line per run, none for a dry run "
            + "(default account-provisioner-dlt-audit)")
        .contains("--parking-topic=<parkingTopic> where parked records go, keeping their "
            + "kafka_dlt-* headers (default account-commands-parked)")
        .contains("--group-id=<groupId> the consumer group that keeps the replay's progress "
            + "(default account-provisioner-dlt-replay)");
  }

  @Test
  void submitHelpNamesEveryExitCodeAndEveryFileType() {
    // When
    CliRun run = CliRun.of("submit", "--help");

    // Then
    String help = run.out().replaceAll("\\s+", " ");
    assertThat(help).as(run.toString())
        .contains("Exit 0 when every row was created (sent, with --no-await)")
        .contains("writes a report beside FILE (accounts.report.csv for accounts.csv)")
        .contains("1 when a row was invalid, not sent, rejected, failed or unanswered")
        .contains("2 for bad usage")
        .contains("accounts.csv, or .ndjson, .jsonl or .json");
  }

  @Test
  void benchHelpShowsTheDefaults() {
    // When
    CliRun run = CliRun.of("bench", "--help");

    // Then
    String help = run.out().replaceAll("\\s+", " ");
    assertThat(help).as(run.toString())
        .contains("Commands per run (N), 1 to 10000000. Default: 50000")
        .contains("Sandbox latencies in ms (L), comma-separated, distinct, 0 to 3600000. Default: 0,20")
        .contains("Default: target/bench")
        .doesNotContain("Default: []");
  }

  /** The lines of the "Commands:" section of a usage message. */
  private static List<String> commandList(String usage) {
    List<String> lines = new ArrayList<>();
    boolean inList = false;
    for (String line : usage.lines().toList()) {
      if (line.equals("Commands:")) {
        inList = true;
      } else if (inList && line.isBlank()) {
        break;
      } else if (inList) {
        lines.add(line);
      }
    }
    return lines;
  }
}
