package dev.provisioner.tooling.submit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * NDJSON rows: each non-blank line is a command, or an account body that becomes one. A file that
 * opens a JSON array is refused whole: read line by line, its last element (the one without a
 * comma) would be its only valid row.
 */
final class NdjsonRows implements RowSource {

  /** Where Jackson's messages say where they are: nothing a user can act on, as the line is given. */
  private static final Pattern LOCATION =
      Pattern.compile(" \\(start marker at \\[Source:[^\\]]*\\]\\)| at \\[Source:[^\\]]*\\]");

  private final BufferedReader reader;
  private final RowValidator validator;
  private final String fileName;
  private long line;
  private boolean started;

  NdjsonRows(BufferedReader reader, RowValidator validator, String fileName) {
    this.reader = reader;
    this.validator = validator;
    this.fileName = fileName;
  }

  @Override
  public Optional<SubmitRow> next() {
    String text;
    do {
      text = readLine();
      if (text == null) {
        return Optional.empty();
      }
      line++;
    } while (text.isBlank());
    if (!started) {
      started = true;
      text = stripBom(text);
      if (text.strip().startsWith("[")) {
        throw new IllegalArgumentException(jsonArray());
      }
    }
    return Optional.of(row(text));
  }

  private String jsonArray() {
    String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
    // never the input's own name: the shell would empty it before jq read it
    String target = (stem + ".ndjson").equals(fileName) ? stem + "-lines.ndjson" : stem + ".ndjson";
    return "the file is a JSON array, but submit reads one command or account per line (NDJSON);"
        + " e.g. jq -c '.[]' " + fileName + " > " + target;
  }

  private SubmitRow row(String text) {
    if (RowSource.notUtf8(text)) {
      return new SubmitRow.Invalid(line, null, null, RowSource.NOT_UTF8);
    }
    JsonNode node;
    try {
      node = validator.json().readTree(text);
    } catch (JacksonException e) {
      return new SubmitRow.Invalid(line, null, null,
          "not JSON: " + LOCATION.matcher(e.getOriginalMessage()).replaceAll(""));
    }
    if (!node.isObject()) {
      return new SubmitRow.Invalid(line, null, null, "not a JSON object");
    }
    if (node.has("account")) {
      return validator.validate(line, (ObjectNode) node);
    }
    ObjectNode command = validator.json().createObjectNode();
    command.set("account", node);
    return validator.validate(line, command);
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private String readLine() {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
