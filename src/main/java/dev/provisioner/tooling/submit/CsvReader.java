package dev.provisioner.tooling.submit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, line breaks and doubled quotes;
 * records end with CRLF or LF; a leading byte-order mark is ignored. Holds one record at a time.
 */
public final class CsvReader {

  /** A record that breaks RFC 4180; {@code line} is where it starts. */
  public static final class MalformedCsvException extends IllegalArgumentException {
    private final long line;

    MalformedCsvException(long line, String problem) {
      super("line " + line + ": " + problem);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }

  /** One record and the line of the file it starts on (1-based). */
  public record Row(long line, List<String> fields) {
  }

  private final Reader in;
  private final StringBuilder field = new StringBuilder();
  private long line = 1;
  private int pushedBack = -2;
  private boolean started;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or empty at the end of the input; a blank line is a record of one empty field. */
  public Optional<Row> next() {
    skipBom();
    field.setLength(0);
    long startLine = line;
    int c = read();
    if (c == -1) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    while (true) {
      c = c == '"' ? quoted(startLine) : plain(c);
      fields.add(field.toString());
      field.setLength(0);
      if (c != ',') {
        return Optional.of(new Row(startLine, fields));
      }
      c = read();
    }
  }

  /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
  private int plain(int first) {
    int c = first;
    while (c != -1 && c != ',' && c != '\n') {
      if (c == '\r') {
        int after = read();
        if (after == '\n' || after == -1) {
          return endOfLine(after);
        }
        unread(after);
      }
      field.append((char) c);
      c = read();
    }
    return endOfLine(c);
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int quoted(long startLine) {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new MalformedCsvException(startLine, "a quoted field is not closed");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          return afterClosingQuote(after, startLine);
        }
      }
      field.append((char) c);
    }
  }

  private int afterClosingQuote(int c, long startLine) {
    if (c == '\r') {
      int after = read();
      if (after == '\n' || after == -1) {
        return endOfLine(after);
      }
    } else if (c == ',' || c == '\n' || c == -1) {
      return endOfLine(c);
    }
    skipLine(c);
    throw new MalformedCsvException(startLine,
        "unexpected text after a closing quote (write a quote inside a quoted field as \"\")");
  }

  /** Drops the rest of a broken line, so the next record starts on the next line. */
  private void skipLine(int c) {
    int next = c;
    while (next != '\n' && next != -1) {
      next = read();
    }
  }

  private int endOfLine(int c) {
    return c == '\n' ? -1 : c;
  }

  private void skipBom() {
    if (started) {
      return;
    }
    started = true;
    int c = read();
    if (c != '\uFEFF') {
      unread(c);
    }
  }

  private int read() {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    try {
      int c = in.read();
      if (c == '\n') {
        line++;
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
