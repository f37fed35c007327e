package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.cli.CliRun;
import dev.provisioner.testing.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit} given a file it cannot take as it is: each ends in one readable line or one
 * invalid row per bad line, never a Java exception's words, and never with the input lost.
 */
class SubmitInputFileTest {

  /** Latin-1 (or Windows-1252) for "é": a byte that is not UTF-8 on its own. */
  private static final byte LATIN1_E_ACUTE = (byte) 0xE9;

  @TempDir
  Path dir;

  @Test
  void aDirectoryGivenAsTheFileIsBadUsageSayingSo() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("accounts"));

    CliRun run = submit(directory);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("error: cannot read " + directory + ": it is a directory, not a file\n");
  }

  @Test
  void aReportNamedAsTheInputIsBadUsageAndLeavesTheInputAsItWas() throws IOException {
    // Given
    String accounts = "external_reference,name,currency,customer.external_reference\nacc-1,One,ZAR,cus-1\n";
    Path file = Files.writeString(dir.resolve("accounts.csv"), accounts);

    // When the report is given the input's name, here through another path to the same file
    CliRun run = submit(file, "--report=" + dir.resolve(".").resolve("accounts.csv"));

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).startsWith("error: the report ")
        .contains("is the input file " + file + ": give --report=FILE another name");
    assertThat(file).hasContent(accounts);
  }

  @Test
  void aCsvRowWithBytesThatAreNotUtf8IsInvalidNamingItsLine() throws IOException {
    // Given a file saved as Latin-1: its third line holds "é" as one byte
    Path file = write("latin1.csv", "external_reference,name,currency,customer.external_reference\n"
        + "acc-1,Ada,ZAR,cus-1\nacc-2,Ren", LATIN1_E_ACUTE, ",ZAR,cus-2\nacc-3,Cy,ZAR,cus-3\n");

    // When
    CliRun run = submit(file);

    // Then that row alone is invalid, and says why in the user's words
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines().filter(line -> line.startsWith("invalid: "))).as(run.toString())
        .containsExactly("invalid: line 3: " + RowSource.NOT_UTF8);
    assertThat(run.out()).as(run.toString()).contains("3 rows: 1 invalid, 0 sent, 2 not sent");
    assertThat(run.err()).as(run.toString()).isEmpty();
  }

  @Test
  void anNdjsonLineWithBytesThatAreNotUtf8IsInvalidNamingItsLine() throws IOException {
    Path file = write("latin1.ndjson",
        "{\"external_reference\": \"acc-1\", \"currency\": \"ZAR\", \"customer\": \"cus-1\"}\n"
            + "{\"external_reference\": \"acc-2\", \"name\": \"Ren", LATIN1_E_ACUTE,
        "\", \"currency\": \"ZAR\", \"customer\": \"cus-2\"}\n");

    CliRun run = submit(file);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines().filter(line -> line.startsWith("invalid: "))).as(run.toString())
        .containsExactly("invalid: line 2: " + RowSource.NOT_UTF8);
    assertThat(run.err()).as(run.toString()).isEmpty();
  }

  @Test
  void aJsonArrayIsBadUsageInOneLineBeforeAnythingIsSent() throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.json"), """
        [
          {"external_reference": "acc-1", "currency": "ZAR", "customer": "cus-1"},
          {"external_reference": "acc-2", "currency": "ZAR", "customer": "cus-2"}
        ]
        """);

    CliRun run = submit(file, "--skip-invalid");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).isEqualTo("error: " + file + ": the file is a JSON array, but"
        + " submit reads one command or account per line (NDJSON); e.g. jq -c '.[]' accounts.json > accounts.ndjson\n");
    assertThat(run.out()).as(run.toString()).isEmpty();
  }

  private Path write(String name, String before, byte notUtf8, String after) throws IOException {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = notUtf8;
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    return Files.write(dir.resolve(name), all);
  }

  private static CliRun submit(Path file, String... options) {
    List<String> args = new ArrayList<>(List.of("submit", file.toString(),
        "--bootstrap-servers=" + TestKafka.bootstrapServers()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }
}
