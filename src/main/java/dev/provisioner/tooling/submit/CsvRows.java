package dev.provisioner.tooling.submit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** CSV rows after a header row; blank lines are skipped, a row of the wrong width is invalid. */
final class CsvRows implements RowSource {

  private final BufferedReader reader;
  private final CsvReader csv;
  private final CsvColumns columns;
  private final RowValidator validator;

  private CsvRows(BufferedReader reader, CsvReader csv, CsvColumns columns, RowValidator validator) {
    this.reader = reader;
    this.csv = csv;
    this.columns = columns;
    this.validator = validator;
  }

  static CsvRows open(BufferedReader reader, RowValidator validator) {
    CsvReader csv = new CsvReader(reader);
    try {
      CsvReader.Row header = csv.next()
          .orElseThrow(() -> new IllegalArgumentException("the file is empty: expected a header row"));
      return new CsvRows(reader, csv, CsvColumns.of(header.fields()), validator);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  @Override
  public Optional<SubmitRow> next() {
    Optional<CsvReader.Row> row;
    try {
      do {
        row = csv.next();
      } while (row.isPresent() && blank(row.get().fields()));
    } catch (CsvReader.MalformedCsvException e) {
      return Optional.of(new SubmitRow.Invalid(e.line(), null, null, e.getMessage()));
    }
    return row.map(this::toCommand);
  }

  private SubmitRow toCommand(CsvReader.Row row) {
    if (row.fields().size() != columns.size()) {
      return new SubmitRow.Invalid(row.line(), null, null, "the row has " + row.fields().size()
          + " fields but the header has " + columns.size());
    }
    if (row.fields().stream().anyMatch(RowSource::notUtf8)) {
      return new SubmitRow.Invalid(row.line(), null, null, RowSource.NOT_UTF8);
    }
    ObjectNode command = validator.json().createObjectNode();
    columns.fill(row.fields(), command);
    return validator.validate(row.line(), command);
  }

  private static boolean blank(List<String> fields) {
    return fields.size() == 1 && fields.get(0).isBlank();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // the header error is what the user needs to see
    }
  }
}
