package dev.provisioner.tooling.submit;

import dev.provisioner.command.CommandParser;
import dev.provisioner.command.ParseResult;
import dev.provisioner.command.SafeText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a command built from a row against the command schema with the worker's own
 * {@link CommandParser}, giving it a deterministic message ID when the row has none: {@code sub-}
 * and 32 hex digits of the SHA-256 of the account body with its keys sorted. The same row
 * submitted again gets the same ID, hence the same idempotency key and no second account.
 */
public final class RowValidator {

  static final String DERIVED_PREFIX = "sub-";
  private static final int MAX_COMMAND_BYTES = 1_048_576;
  /** The schema's longest external reference: an invalid row's is cut to it in the report. */
  private static final int MAX_REFERENCE = 255;

  private final JsonMapper json = JsonMapper.builder().build();
  private final CommandParser parser = new CommandParser(json, MAX_COMMAND_BYTES);

  /** Validates {@code command} ({@code {"message_id"?, "account": {...}}}) read from {@code line}. */
  public SubmitRow validate(long line, ObjectNode command) {
    JsonNode account = command.get("account");
    if (!command.hasNonNull("message_id") && account != null && account.isObject()) {
      command.put("message_id", derivedId(account));
    }
    byte[] value = json.writeValueAsBytes(command);
    ParseResult result = parser.parse(value, Map.of());
    String reference = account == null ? null : account.path("external_reference").asString(null);
    if (result instanceof ParseResult.Parsed parsed) {
      return new SubmitRow.Valid(line, parsed.command().messageId(),
          parsed.command().externalReference(), value);
    }
    ParseResult.Invalid invalid = (ParseResult.Invalid) result;
    return new SubmitRow.Invalid(line, invalid.messageId(),
        reference == null ? null : SafeText.oneLine(reference, MAX_REFERENCE), invalid.detail());
  }

  JsonMapper json() {
    return json;
  }

  /** The derived message ID of an account body: independent of the order of its keys. */
  String derivedId(JsonNode account) {
    byte[] canonical = json.writeValueAsBytes(sorted(account));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      return DERIVED_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private JsonNode sorted(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    Map<String, JsonNode> fields = new TreeMap<>();
    node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
    ObjectNode copy = json.createObjectNode();
    fields.forEach(copy::set);
    return copy;
  }

  static String utf8(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
