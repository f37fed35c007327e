package dev.provisioner.tooling.submit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** NDJSON rows: each non-blank line is a command, or an account body that becomes one. */
final class NdjsonRows implements RowSource {

  private final BufferedReader reader;
  private final RowValidator validator;
  private long line;

  NdjsonRows(BufferedReader reader, RowValidator validator) {
    this.reader = reader;
    this.validator = validator;
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
    return Optional.of(row(line == 1 ? stripBom(text) : text));
  }

  private SubmitRow row(String text) {
    if (RowSource.notUtf8(text)) {
      return new SubmitRow.Invalid(line, null, null, RowSource.NOT_UTF8);
    }
    JsonNode node;
    try {
      node = validator.json().readTree(text);
    } catch (JacksonException e) {
      return new SubmitRow.Invalid(line, null, null, "not JSON: " + e.getOriginalMessage());
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
