package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.Readme;
import dev.provisioner.testing.TestKafka;
import dev.provisioner.worker.WorkerFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} end to end: a file through a real broker, a real worker and the sandbox. */
class SubmitCommandTest {

  private static WorkerFixture fixture;

  @TempDir
  Path dir;

  @BeforeAll
  static void startWorker() {
    fixture = new WorkerFixture();
  }

  @AfterAll
  static void stopWorker() {
    fixture.close();
  }

  @Test
  void aFileWithInvalidRowsSendsNothingAndListsTheBadRows() throws IOException {
    // Given
    Path file = accountsCsv("none", 50, 3);
    long before = fixture.accountCount();

    // When
    CliRun run = submit(file);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("line 2: ").contains("account.currency").contains("nothing sent");
    assertThat(run.out().lines().filter(line -> line.startsWith("invalid: line "))).hasSize(3);
    assertThat(fixture.accountCount()).isEqualTo(before);
  }

  @Test
  void withInvalidRowsAndNoSkipTheAnnouncedReportListsEveryRowInvalidOrNotSent() throws IOException {
    // Given
    Path file = accountsCsv("bad", 10, 2);
    Path report = dir.resolve("report_bad.csv");
    long before = fixture.accountCount();

    // When
    CliRun run = submit(file, "--await", "--report", report.toString());

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains("nothing sent: 2 invalid rows")
        .contains("10 rows: 2 invalid, 0 sent, 8 not sent").contains("report: " + report);
    assertThat(report).as(run.toString()).exists();
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(11);
    assertThat(lines.get(0)).isEqualTo("line,message_id,external_reference,status,account_id,error,replayed");
    assertThat(lines.stream().filter(line -> line.contains(",invalid,,"))).hasSize(2)
        .allMatch(line -> line.contains("account.currency"));
    assertThat(lines.stream().filter(line -> line.endsWith(
        ",not-sent,,nothing sent: 2 invalid rows (use --skip-invalid to send the rest),"))).hasSize(8);
    assertThat(fixture.accountCount()).isEqualTo(before);
  }

  @Test
  void whenEveryRowIsInvalidItDoesNotSuggestSkippingThem() throws IOException {
    // Given
    Path file = accountsCsv("all_bad", 3, 3);

    // When
    CliRun run = submit(file, "--await");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString()).contains("nothing sent: 3 invalid rows and no valid one")
        .doesNotContain("--skip-invalid").contains("3 rows: 3 invalid, 0 sent");
  }

  @Test
  void withAnInvalidNdjsonLineAndNoSkipTheAnnouncedReportListsEveryLine() throws IOException {
    // Given a valid command, a command with a bad currency, and a bare account body
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path file = ndjson("bad.ndjson", run,
        "{\"message_id\": \"m-%s-1\", \"account\": {\"external_reference\": \"acc-%s-1\", \"currency\": \"ZAR\", \"customer\": {\"external_reference\": \"cus-%s-1\"}}}",
        "{\"account\": {\"external_reference\": \"acc-%s-2\", \"currency\": \"rand\", \"customer\": {\"external_reference\": \"cus-%s-2\"}}}",
        "{\"external_reference\": \"acc-%s-3\", \"currency\": \"ZAR\", \"customer\": {\"external_reference\": \"cus-%s-3\"}}",
        "");
    Path report = dir.resolve("report_bad_ndjson.csv");

    // When
    CliRun result = submit(file, "--await", "--report", report.toString());

    // Then
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.out()).as(result.toString()).contains("report: " + report);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).as(result.toString()).hasSize(4);
    assertThat(lines.get(1)).startsWith("1,m-" + run + "-1,acc-" + run + "-1,not-sent,,nothing sent: 1 invalid row ");
    assertThat(lines.get(2)).startsWith("2,").contains(",acc-" + run + "-2,invalid,,").contains("account.currency");
    assertThat(lines.get(3)).startsWith("3,sub-").contains(",acc-" + run + "-3,not-sent,,nothing sent: ");
  }

  @Test
  void reportCellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws IOException {
    // Given a message ID and a reference that are formulas, and a message ID that is a number
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path file = ndjson("formulas.ndjson", run,
        "{\"message_id\": \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\", \"account\": {\"external_reference\": \"acc-%s-1\", \"customer\": {\"external_reference\": \"cus-%s-1\"}}}",
        "{\"message_id\": \"m-%s-2\", \"account\": {\"external_reference\": \"@SUM(1+1)\", \"customer\": {\"external_reference\": \"cus-%s-2\"}}}",
        "{\"message_id\": \"-5\", \"account\": {\"external_reference\": \"acc-%s-3\", \"customer\": {\"external_reference\": \"cus-%s-3\"}}}",
        "");
    Path report = dir.resolve("report_formulas.csv");

    // When
    CliRun result = submit(file, "--report", report.toString());

    // Then
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).as(result.toString()).hasSize(4);
    assertThat(lines.get(1)).startsWith("1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",acc-"
        + run + "-1,not-sent,");
    assertThat(lines.get(2)).startsWith("2,m-" + run + "-2,'@SUM(1+1),invalid,,");
    assertThat(lines.get(3)).startsWith("3,-5,acc-" + run + "-3,not-sent,");
  }

  @Test
  void aThousandRowsWithTwentyInvalidGive980CreatedAMatchingReportAndNoDuplicateOnResubmit()
      throws IOException {
    // Given
    Path file = accountsCsv("bulk", 1000, 20);
    Path report = dir.resolve("report.csv");
    long before = fixture.accountCount();

    // When
    CliRun first = submit(file, "--skip-invalid", "--await", "--report", report.toString());

    // Then
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
    assertThat(first.out()).contains("1000 rows: 20 invalid, 980 sent, 980 created, 0 rejected");
    assertThat(fixture.accountCount()).isEqualTo(before + 980);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines.get(0)).isEqualTo("line,message_id,external_reference,status,account_id,error,replayed");
    assertThat(lines).hasSize(1001);
    assertThat(lines.stream().filter(line -> line.contains(",created,bacc_"))).hasSize(980);
    assertThat(lines.stream().filter(line -> line.contains(",invalid,,"))).hasSize(20)
        .allMatch(line -> line.contains("account.currency"));
    assertThat(lines.get(1)).startsWith("2,");

    // When submitted again
    CliRun second = submit(file, "--skip-invalid", "--await", "--report", report.toString());

    // Then no new account, and every valid row is still reported created
    assertThat(second.out()).as(second.toString()).contains("980 created");
    assertThat(fixture.accountCount()).isEqualTo(before + 980);
  }

  @Test
  void aSecondRunAfterAPartialOneReportsWhichAccountsAlreadyExisted() throws IOException {
    // Given the first half of a file was created by an earlier run that stopped
    Path file = accountsCsv("resumed", 20, 0);
    List<String> all = Files.readAllLines(file);
    Path firstHalf = Files.write(dir.resolve("first-half.csv"), all.subList(0, 11));
    assertThat(submit(firstHalf, "--await").exitCode()).isZero();
    Path report = dir.resolve("report_resumed.csv");

    // When the whole file is submitted again
    CliRun run = submit(file, "--await", "--report", report.toString());

    // Then the summary and the report tell the ten that existed from the ten created now
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("20 rows: 0 invalid, 20 sent, 20 created (10 of them already existed: replayed)");
    List<String> lines = Files.readAllLines(report);
    assertThat(lines.subList(1, 11)).as(run.toString()).allMatch(line -> line.contains(",created,bacc_") && line.endsWith(",,true"));
    assertThat(lines.subList(11, 21)).allMatch(line -> line.contains(",created,bacc_") && line.endsWith(",,false"));
  }

  @Test
  void aRowRepeatedInTheFileIsReportedAsExistingAndTheRowBeforeItAsCreatedNow() throws IOException {
    // Given a file whose second row repeats its first
    Path file = accountsCsv("repeated", 2, 0);
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(1), lines.get(2)));
    long before = fixture.accountCount();

    // When
    CliRun run = submit(file);

    // Then one account for the two rows: created by the first, already there for the repeat
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("3 rows: 0 invalid, 3 sent, 3 created (1 of them already existed: replayed)");
    assertThat(fixture.accountCount()).isEqualTo(before + 2);
    List<String> report = Files.readAllLines(dir.resolve("repeated.report.csv"));
    assertThat(report.subList(1, 4)).as(run.toString()).satisfiesExactly(
        first -> assertThat(first).startsWith("2,").endsWith(",,false"),
        repeat -> assertThat(repeat).startsWith("3,").endsWith(",,true"),
        other -> assertThat(other).startsWith("4,").endsWith(",,false"));
  }

  @Test
  void twoAccountsGivenTheSameMessageIdAreReportedEachByItsOwnReply() throws IOException {
    // Given two different accounts under one message_id: the second reuses the first's idempotency key
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path file = Files.writeString(dir.resolve("same-id.csv"), String.join("\n",
        "message_id,external_reference,currency,customer.external_reference",
        "m-%s,acc-%s-1,ZAR,cus-%s-1", "m-%s,acc-%s-2,ZAR,cus-%s-2", "").replace("%s", run));
    long before = fixture.accountCount();

    // When
    CliRun result = submit(file);

    // Then one is created and the other, whichever reached the API second (their keys differ, so
    // either may), is reported rejected, not created with the other's account
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(fixture.accountCount()).isEqualTo(before + 1);
    List<String> report = Files.readAllLines(dir.resolve("same-id.report.csv"));
    assertThat(report.subList(1, 3)).as(result.toString())
        .anySatisfy(row -> assertThat(row).containsPattern(",acc-" + run + "-[12],created,bacc_"))
        .anySatisfy(row -> assertThat(row).containsPattern(",acc-" + run + "-[12],rejected,,422 "));
  }

  @Test
  void byDefaultRepliesAreAwaitedAndTheReportIsWrittenBesideTheFile() throws IOException {
    Path file = accountsCsv("ok", 10, 0);

    CliRun run = submit(file);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path report = dir.resolve("ok.report.csv");
    assertThat(run.out()).contains("10 rows: 0 invalid, 10 sent, 10 created").contains("report: " + report);
    assertThat(Files.readAllLines(report)).hasSize(11)
        .satisfies(lines -> assertThat(lines.subList(1, 11)).allMatch(line -> line.contains(",created,bacc_")));
  }

  @Test
  void withNoAwaitTheRowsAreOnlySentAndNoReportIsWritten() throws IOException {
    Path file = accountsCsv("sent-only", 5, 0);
    long before = fixture.accountCount();

    CliRun run = submit(file, "--no-await");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("5 rows: 0 invalid, 5 sent").doesNotContain("created").doesNotContain("report:");
    assertThat(dir.resolve("sent-only.report.csv")).doesNotExist();
    await().atMost(Duration.ofSeconds(60))
        .until(() -> fixture.accountCount() == before + 5);
  }

  @Test
  void aReportThatCannotBeWrittenIsBadUsageBeforeAnythingIsSent() throws IOException {
    Path file = accountsCsv("unwritable", 3, 0);
    long before = fixture.accountCount();

    CliRun intoNowhere = submit(file, "--report=" + dir.resolve("no-such-dir").resolve("r.csv"));
    CliRun withoutReplies = submit(file, "--no-await", "--report=" + dir.resolve("r.csv"));

    assertThat(intoNowhere.exitCode()).as(intoNowhere.toString()).isEqualTo(2);
    assertThat(intoNowhere.err()).contains("cannot write the report " + dir.resolve("no-such-dir").resolve("r.csv")
        + " (give --report=FILE in a writable directory)");
    assertThat(withoutReplies.exitCode()).as(withoutReplies.toString()).isEqualTo(2);
    assertThat(withoutReplies.err()).contains("--report needs replies: leave out --no-await");
    assertThat(fixture.accountCount()).isEqualTo(before);
  }

  @Test
  void theReadmeExampleFilesGiveTheSummaryAndReportsTheReadmeShows() throws IOException {
    // Given the README's example files, each in a directory of its own
    Path csv = Files.writeString(Files.createDirectory(dir.resolve("csv")).resolve("accounts.csv"),
        Readme.blockAfter("For example, `accounts.csv`"));
    Path ndjson = Files.writeString(Files.createDirectory(dir.resolve("ndjson")).resolve("accounts.ndjson"),
        Readme.blockAfter("The same as `accounts.ndjson`"));

    // When each is submitted
    CliRun csvRun = submit(csv);
    CliRun ndjsonRun = submit(ndjson);

    // Then the summary is the README's, and so are the reports but for the account IDs
    String summary = Readme.blockAfter("`submit accounts.csv` against `dev` prints").lines().toList().get(1);
    assertThat(csvRun.exitCode()).as(csvRun.toString()).isZero();
    assertThat(csvRun.out()).as(csvRun.toString()).contains(summary);
    assertThat(reportOf(csv)).isEqualTo(Readme.blockAfter("writes `accounts.report.csv` (the account IDs differ")
        .lines().toList());
    assertThat(ndjsonRun.exitCode()).as(ndjsonRun.toString()).isZero();
    assertThat(reportOf(ndjson)).isEqualTo(Readme.blockAfter("gives this report").lines().toList());
  }

  /** The report's lines (CRLF-ended, as RFC 4180 has it), account IDs as the README writes them. */
  private static List<String> reportOf(Path file) throws IOException {
    return Files.readAllLines(file.resolveSibling("accounts.report.csv")).stream()
        .map(line -> line.replaceAll("bacc_\\w+", "bacc_...")).toList();
  }

  @Test
  void aRepliesTopicTheBrokerDoesNotHaveIsBadUsageNamingItBeforeAnythingIsSent() throws IOException {
    Path file = accountsCsv("typo", 3, 0);
    long before = fixture.accountCount();
    String missing = "no-such-replies-" + UUID.randomUUID();

    CliRun run = CliRun.of("submit", file.toString(), "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + fixture.commands, "--replies-topic=" + missing);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: the replies topic " + missing
        + " does not exist, so nothing was sent (the worker creates its topics when it starts;"
        + " name its replies topic with --replies-topic)\n");
    assertThat(run.out()).doesNotContain("sent 1");
    assertThat(fixture.accountCount()).isEqualTo(before);
  }

  @Test
  void aCommandsTopicTheBrokerDoesNotHaveIsBadUsageNamingItBeforeAnythingIsSent() throws IOException {
    // Before, the test broker (like dev's) created the misspelled topic on the first send, took the
    // commands where no worker reads, and submit waited its whole timeout for replies
    Path file = accountsCsv("typo-commands", 3, 0);
    String missing = "no-such-commands-" + UUID.randomUUID();

    CliRun run = CliRun.of("submit", file.toString(), "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + missing, "--replies-topic=" + fixture.replies, "--timeout=PT20S");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: the commands topic " + missing
        + " does not exist, so nothing was sent (the worker creates its topics when it starts;"
        + " name its commands topic with --commands-topic)\n");
    assertThat(run.out()).doesNotContain("sent 1");
  }

  @Test
  void anUnknownColumnIsAUsageErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("typo.csv"), "external_reference,colour\na,b\n");

    CliRun run = submit(file);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("unknown column 'colour'");
  }

  private CliRun submit(Path file, String... options) {
    String[] base = {"submit", file.toString(), "--bootstrap-servers=" + TestKafka.bootstrapServers(),
        "--commands-topic=" + fixture.commands, "--replies-topic=" + fixture.replies, "--timeout=PT2M"};
    String[] args = new String[base.length + options.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(options, 0, args, base.length, options.length);
    return CliRun.of(args);
  }

  /** An NDJSON file of {@code lines}, each {@code %s} in them replaced by {@code run}. */
  private Path ndjson(String name, String run, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines).replace("%s", run));
  }

  /** {@code rows} rows; every {@code rows/invalid}-th one (from the first) has a bad currency. */
  private Path accountsCsv(String name, int rows, int invalid) throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder(
        "external_reference,name,currency,balance,customer.external_reference,customer.name,metadata.plan\r\n");
    int every = invalid == 0 ? Integer.MAX_VALUE : rows / invalid;
    for (int i = 0; i < rows; i++) {
      String currency = i % every == 0 && i / every < invalid ? "rand" : "ZAR";
      csv.append("acc-%s-%d,\"Account %d, monthly\",%s,%d,cus-%s-%d,Customer %d,gold\r\n"
          .formatted(run, i, i, currency, i * 10, run, i, i));
    }
    return Files.writeString(dir.resolve(name + ".csv"), csv, StandardCharsets.UTF_8);
  }
}
