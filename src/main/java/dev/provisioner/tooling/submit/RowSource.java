package dev.provisioner.tooling.submit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Streams the rows of an input file, validated one at a time; never holds the whole file. */
public interface RowSource extends AutoCloseable {

  /** Why a row holding bytes that are not UTF-8 is invalid, in the words of the user's editor. */
  String NOT_UTF8 = "not UTF-8 text (a byte here is not UTF-8, e.g. the file was saved as Latin-1"
      + " or Windows-1252): save the file as UTF-8";

  /** The next row, or empty at the end of the file. */
  Optional<SubmitRow> next();

  @Override
  void close();

  /** Whether {@code text} held bytes that are not UTF-8 (read as U+FFFD, the replacement character). */
  static boolean notUtf8(String text) {
    return text.indexOf('\uFFFD') >= 0;
  }

  /**
   * Opens {@code file}: NDJSON when its name ends with {@code .ndjson}, {@code .jsonl} or
   * {@code .json}, else CSV with a header row.
   *
   * @throws IllegalArgumentException when a CSV header names an unknown or repeated column (and,
   *     from {@link #next()}, when an NDJSON file is a JSON array)
   */
  static RowSource open(Path file, RowValidator validator) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    BufferedReader reader;
    try {
      // Malformed bytes become U+FFFD, so that their row is invalid rather than the whole file
      // unreadable after a part of it was sent (Files.newBufferedReader throws at the first).
      reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    boolean json = name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json");
    return json ? new NdjsonRows(reader, validator, file.getFileName().toString())
        : CsvRows.open(reader, validator);
  }
}
