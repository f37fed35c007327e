package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 edge cases of the streaming reader. */
class CsvReaderTest {

  @Test
  void quotedFieldsHoldCommasNewlinesAndDoubledQuotes() {
    // Given
    String text = "a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\"\"\n";

    // When
    List<CsvReader.Row> rows = read(text);

    // Then
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).fields()).containsExactly("a", "b, c", "say \"hi\"");
    assertThat(rows.get(1).fields()).containsExactly("two\nlines", "x", "");
  }

  @Test
  void crlfEndsRecordsAndLinesAreCountedFromWhereEachRecordStarts() {
    List<CsvReader.Row> rows = read("h1,h2\r\n\"multi\r\nline\",2\r\nlast,3");

    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 4L);
    assertThat(rows.get(1).fields()).containsExactly("multi\r\nline", "2");
    assertThat(rows.get(2).fields()).containsExactly("last", "3");
  }

  @Test
  void aLeadingByteOrderMarkIsNotPartOfTheFirstField() {
    List<CsvReader.Row> rows = read("\uFEFFexternal_reference,name\n");

    assertThat(rows.get(0).fields()).containsExactly("external_reference", "name");
  }

  @Test
  void emptyFieldsAndATrailingCommaAreKept() {
    assertThat(read("a,,\n").get(0).fields()).containsExactly("a", "", "");
  }

  @Test
  void anUnclosedQuoteIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> read("a,b\n\"open,c\n"))
        .hasMessageContaining("line 2").hasMessageContaining("not closed");
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorAndReadingGoesOnAtTheNextLine() {
    CsvReader reader = new CsvReader(new StringReader("\"a\"b,c\nd,e\n"));

    assertThatThrownBy(reader::next).hasMessageContaining("line 1").hasMessageContaining("after a closing quote");
    assertThat(reader.next().orElseThrow().fields()).containsExactly("d", "e");
  }

  private static List<CsvReader.Row> read(String text) {
    CsvReader reader = new CsvReader(new StringReader(text));
    List<CsvReader.Row> rows = new ArrayList<>();
    reader.next().ifPresent(rows::add);
    while (rows.size() < 100) {
      var row = reader.next();
      if (row.isEmpty()) {
        break;
      }
      rows.add(row.get());
    }
    return rows;
  }
}
