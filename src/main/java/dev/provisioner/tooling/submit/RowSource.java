package dev.provisioner.tooling.submit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Streams the rows of an input file, validated one at a time; never holds the whole file. */
public interface RowSource extends AutoCloseable {

  /** The next row, or empty at the end of the file. */
  Optional<SubmitRow> next();

  @Override
  void close();

  /**
   * Opens {@code file}: NDJSON when its name ends with {@code .ndjson}, {@code .jsonl} or
   * {@code .json}, else CSV with a header row.
   *
   * @throws IllegalArgumentException when a CSV header names an unknown or repeated column
   */
  static RowSource open(Path file, RowValidator validator) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    boolean json = name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json");
    return json ? new NdjsonRows(reader, validator) : CsvRows.open(reader, validator);
  }
}
