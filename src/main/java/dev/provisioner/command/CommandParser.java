package dev.provisioner.command;

import dev.provisioner.command.ParseResult.Invalid;
import dev.provisioner.command.ParseResult.Parsed;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a command record's value and headers into a {@link ParseResult}: size check, JSON
 * parsing under tight limits, the message-ID rule, then the command schema.
 *
 * <p>Thread-safe and allocation-light: the schema is loaded once, the reader is immutable. A
 * hostile value cannot exhaust the stack (nesting is capped), echo itself at length (details are
 * one truncated line) or smuggle a second {@code message_id} (duplicate keys are not JSON here).
 */
public final class CommandParser {

  /** Far deeper than any valid command (four levels), far shallower than the stack. */
  static final int MAX_NESTING = 32;

  /** An int64 has at most 20 characters; anything much longer is not a command. */
  static final int MAX_NUMBER_LENGTH = 100;

  private final ObjectReader reader;
  private final CommandSchema schema = new CommandSchema();
  private final int maxBytes;

  /**
   * @param mapper the application's mapper; its token factory is reused with tighter limits
   * @param maxBytes the largest record accepted (value, and key and headers when given); larger
   *     ones are {@code TOO_LARGE} unparsed
   */
  public CommandParser(JsonMapper mapper, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1 but was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    JsonFactory factory = ((JsonFactory) mapper.tokenStreamFactory()).rebuild()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(maxBytes)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.reader = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build()
        .reader();
  }

  /** A parser with Jackson's default mapper. */
  public static CommandParser withMaxBytes(int maxBytes) {
    return new CommandParser(JsonMapper.builder().build(), maxBytes);
  }

  /**
   * Parses one record whose headers are text already (the submit tool's, tests').
   *
   * @param value the record value, possibly null (a tombstone)
   * @param headers header name to value
   */
  public ParseResult parse(byte @Nullable [] value, Map<String, String> headers) {
    return parse(value, CommandHeaders.of(headers));
  }

  /**
   * Parses one record.
   *
   * @param value the record value, possibly null (a tombstone)
   * @param headers the record's headers, decoded strictly
   */
  public ParseResult parse(byte @Nullable [] value, CommandHeaders headers) {
    return parse(value, headers, 0);
  }

  /**
   * Parses one record whose key and headers take {@code keyAndHeaderBytes}. They count against
   * the limit with the value: the record's reply and dead letter carry them again, and must fit
   * under the producer's request limit.
   *
   * @param value the record value, possibly null (a tombstone)
   * @param headers the record's headers, decoded strictly
   * @param keyAndHeaderBytes the bytes of the record's key and headers
   */
  public ParseResult parse(byte @Nullable [] value, CommandHeaders headers, long keyAndHeaderBytes) {
    @Nullable String headerId = MessageIds.fromHeaders(headers).orElse(null);
    int valueBytes = value == null ? 0 : value.length;
    if (valueBytes + keyAndHeaderBytes > maxBytes) {
      return new Invalid(InvalidReason.TOO_LARGE, headerId, keyAndHeaderBytes == 0
          ? "value is " + valueBytes + " bytes, more than the limit of " + maxBytes
          : "record is " + (valueBytes + keyAndHeaderBytes) + " bytes (value " + valueBytes
              + ", key and headers " + keyAndHeaderBytes + "), more than the limit of " + maxBytes);
    }
    if (value == null) {
      return new Invalid(InvalidReason.NOT_JSON, headerId, "value is null (a tombstone)");
    }
    if (value.length == 0) {
      return new Invalid(InvalidReason.NOT_JSON, headerId, "value is empty");
    }
    // Jackson decodes overlong forms (C0 AF is '/'), so "m/X" and its overlong twin would be one ID.
    int invalidByte = Utf8.firstInvalidByte(value);
    if (invalidByte >= 0) {
      return new Invalid(InvalidReason.NOT_JSON, headerId,
          "value is not valid UTF-8 (byte offset " + invalidByte + ")");
    }
    JsonNode tree;
    try {
      tree = reader.readTree(value);
    } catch (JacksonException e) {
      return new Invalid(InvalidReason.NOT_JSON, headerId, JsonErrors.describe(e));
    }
    if (tree == null || tree.isMissingNode()) {
      return new Invalid(InvalidReason.NOT_JSON, headerId, "value is empty");
    }
    return validate(tree, headers);
  }

  private ParseResult validate(JsonNode tree, CommandHeaders headers) {
    Optional<String> messageId = MessageIds.resolve(tree, headers);
    if (messageId.isEmpty()) {
      return new Invalid(InvalidReason.NO_MESSAGE_ID, null, MessageIds.whyNone(tree, headers));
    }
    Optional<String> fieldDefect = MessageIds.fieldDefect(tree);
    if (fieldDefect.isPresent()) {
      return new Invalid(InvalidReason.SCHEMA_VIOLATION, messageId.get(),
          MessageIds.FIELD + ": must be " + MessageIds.RULE + " (it " + fieldDefect.get() + ")");
    }
    Optional<String> violation = schema.firstViolation(tree);
    if (violation.isPresent()) {
      return new Invalid(InvalidReason.SCHEMA_VIOLATION, messageId.get(), violation.get());
    }
    return new Parsed(new AccountCommand(messageId.get(), (ObjectNode) tree.get("account")));
  }
}
