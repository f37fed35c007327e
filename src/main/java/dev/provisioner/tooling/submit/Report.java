package dev.provisioner.tooling.submit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The report CSV: {@code line,message_id,external_reference,status,account_id,error,replayed}, one
 * row per input row; {@code replayed} is {@code true} for a created row whose account already
 * existed (from an earlier run, say), {@code false} for one created now, empty otherwise.
 */
final class Report {

  static final String HEADER = "line,message_id,external_reference,status,account_id,error,replayed";
  private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

  private Report() {
  }

  static void write(Path file, List<RowState> rows) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write("\r\n");
      for (RowState row : rows) {
        out.write(row.line + "," + cell(row.messageId) + "," + cell(row.externalReference) + ","
            + cell(row.status == null ? "unanswered" : row.status) + "," + cell(row.accountId)
            + "," + cell(row.error) + "," + ("created".equals(row.status) ? row.replayed : ""));
        out.write("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * RFC 4180 quoting: only when needed, doubling inner quotes. A value a spreadsheet would take for
   * a formula (beginning with {@code = + - @}, a tab or a carriage return, other than a plain
   * number) gets a leading {@code '}, so opening the report shows the text and runs nothing: a
   * message ID, a reference and an error's quoted input all come from the file or the replies.
   */
  static String cell(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String text = FORMULA.matcher(value).lookingAt() && !NUMBER.matcher(value).matches()
        ? "'" + value : value;
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
