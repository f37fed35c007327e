package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rows of CSV and NDJSON files become commands validated against the command schema. */
class RowSourceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  @Test
  void aCsvRowBecomesACommandWithNestedCustomerMetadataAndAnIntegerBalance() throws IOException {
    // Given
    Path file = write("a.csv", "external_reference,name,currency,balance,customer.external_reference,"
        + "customer.name,metadata.plan\nacc-1,\"Ada, Ltd\",ZAR,2000,cus-1,Ada,monthly\n");

    // When
    SubmitRow row = rows(file).get(0);

    // Then
    assertThat(row).isInstanceOf(SubmitRow.Valid.class);
    SubmitRow.Valid valid = (SubmitRow.Valid) row;
    JsonNode account = JSON.readTree(valid.value()).path("account");
    assertThat(account.path("name").asString()).isEqualTo("Ada, Ltd");
    assertThat(account.path("balance").isIntegralNumber()).isTrue();
    assertThat(account.path("customer").path("external_reference").asString()).isEqualTo("cus-1");
    assertThat(account.path("metadata").path("plan").asString()).isEqualTo("monthly");
    assertThat(valid.externalReference()).isEqualTo("acc-1");
    assertThat(valid.messageId()).startsWith("sub-").hasSize(36);
  }

  @Test
  void theMessageIdColumnWinsAndWithoutItTheSameRowGetsTheSameIdWhateverTheColumnOrder()
      throws IOException {
    Path withId = write("id.csv", "message_id,external_reference,customer\nm-1,acc-1,cus-1\n");
    Path one = write("one.csv", "external_reference,customer\nacc-1,cus-1\n");
    Path other = write("other.csv", "customer,external_reference\ncus-1,acc-1\n");

    assertThat(((SubmitRow.Valid) rows(withId).get(0)).messageId()).isEqualTo("m-1");
    assertThat(((SubmitRow.Valid) rows(one).get(0)).messageId())
        .isEqualTo(((SubmitRow.Valid) rows(other).get(0)).messageId());
  }

  @Test
  void aBomAndCrlfLineEndsAreRead() throws IOException {
    Path file = write("bom.csv", "\uFEFFexternal_reference,customer\r\nacc-1,cus-1\r\nacc-2,cus-2\r\n");

    assertThat(rows(file)).allMatch(row -> row instanceof SubmitRow.Valid).hasSize(2);
  }

  @Test
  void aRowWithMissingColumnsIsInvalidWithItsLineNumber() throws IOException {
    Path file = write("short.csv", "external_reference,customer,name\nacc-1,cus-1,A\nacc-2,cus-2\n");

    SubmitRow row = rows(file).get(1);

    assertThat(row).isInstanceOf(SubmitRow.Invalid.class);
    assertThat(row.line()).isEqualTo(3);
    assertThat(((SubmitRow.Invalid) row).reason()).contains("2 fields").contains("header has 3");
  }

  @Test
  void anUnclosedQuoteIsAnInvalidRowAtTheLineWhereItOpened() throws IOException {
    Path file = write("open.csv", "external_reference,customer\nacc-1,cus-1\n\"acc-2,cus-2\n");

    List<SubmitRow> rows = rows(file);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(((SubmitRow.Invalid) rows.get(1)).reason()).contains("not closed");
  }

  @Test
  void anUnknownColumnIsAnErrorNamingTheColumn() throws IOException {
    Path file = write("typo.csv", "external_reference,custmer\nacc-1,cus-1\n");

    assertThatThrownBy(() -> rows(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown column 'custmer' (column 2)");
  }

  @Test
  void aHeaderWithoutExternalReferenceIsAnError() throws IOException {
    Path file = write("noref.csv", "name,customer\nA,cus-1\n");

    assertThatThrownBy(() -> rows(file)).hasMessageContaining("no external_reference column");
  }

  @Test
  void aSchemaViolationIsInvalidNamingTheField() throws IOException {
    Path file = write("bad.csv", "external_reference,customer,currency\nacc-1,cus-1,rand\n");

    SubmitRow.Invalid row = (SubmitRow.Invalid) rows(file).get(0);

    assertThat(row.reason()).contains("account.currency");
    assertThat(row.line()).isEqualTo(2);
  }

  @Test
  void aHugeOrHostileReferenceOfAnInvalidRowIsCutAndKeptOnOneLine() throws IOException {
    String huge = "r".repeat(100_000);
    Path file = write("huge.ndjson", "{\"external_reference\": \"" + huge + "\", \"customer\": \"c\"}\n"
        + "{\"external_reference\": \"a\\nb\", \"customer\": \"c\", \"currency\": \"x\"}\n");

    List<SubmitRow> rows = rows(file);

    SubmitRow.Invalid tooLong = (SubmitRow.Invalid) rows.get(0);
    assertThat(tooLong.externalReference()).hasSize(256).startsWith("rrr").endsWith("…");
    assertThat(tooLong.reason()).hasSizeLessThan(1_000).contains("external_reference");
    assertThat(((SubmitRow.Invalid) rows.get(1)).externalReference()).isEqualTo("a\\u000Ab");
  }

  @Test
  void ndjsonLinesMayBeCommandsOrAccountBodies() throws IOException {
    Path file = write("a.ndjson", """
        {"message_id": "m-1", "account": {"external_reference": "acc-1", "customer": "cus-1"}}

        {"external_reference": "acc-2", "customer": "cus-2"}
        not json
        """);

    List<SubmitRow> rows = rows(file);

    assertThat(((SubmitRow.Valid) rows.get(0)).messageId()).isEqualTo("m-1");
    assertThat(((SubmitRow.Valid) rows.get(1)).messageId()).startsWith("sub-");
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(2)).isInstanceOf(SubmitRow.Invalid.class);
    assertThat(((SubmitRow.Invalid) rows.get(2)).reason()).startsWith("not JSON");
  }

  @Test
  void aJsonArrayIsAnErrorSayingHowToMakeItOneCommandALine() throws IOException {
    // Given the usual shape of a .json file: an array, one account on a line, the last without a comma
    Path file = write("accounts.json", """
        [
          {"external_reference": "acc-1", "customer": "cus-1"},
          {"external_reference": "acc-2", "customer": "cus-2"}
        ]
        """);

    // Then it is not read line by line, where --skip-invalid would send the last account alone
    assertThatThrownBy(() -> rows(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the file is a JSON array, but submit reads one command or account per line"
            + " (NDJSON); e.g. jq -c '.[]' accounts.json > accounts.ndjson");
  }

  @Test
  void aLineThatIsNotJsonSaysWhyWithoutTheParsersInternals() throws IOException {
    Path file = write("cut.ndjson", "{\"external_reference\": \"acc-1\", \"customer\": [\n");

    SubmitRow.Invalid row = (SubmitRow.Invalid) rows(file).get(0);

    assertThat(row.reason()).startsWith("not JSON: Unexpected end-of-input")
        .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<SubmitRow> rows(Path file) {
    List<SubmitRow> rows = new ArrayList<>();
    try (RowSource source = RowSource.open(file, new RowValidator())) {
      for (Optional<SubmitRow> row = source.next(); row.isPresent(); row = source.next()) {
        rows.add(row.get());
      }
    }
    return rows;
  }
}
