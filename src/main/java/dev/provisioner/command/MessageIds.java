package dev.provisioner.command;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The message-ID rule: the {@code message_id} field, else the {@code message-id} header, else
 * the {@code ce_id} header. A candidate counts only if it is usable: 1 to 255 code points, not
 * blank, without control characters (the same rule as the command schema's {@code message_id}).
 */
final class MessageIds {

  static final String FIELD = "message_id";
  static final int MAX_LENGTH = 255;

  private MessageIds() {
  }

  static boolean usable(@Nullable String candidate) {
    if (candidate == null || candidate.isBlank()) {
      return false;
    }
    if (candidate.codePointCount(0, candidate.length()) > MAX_LENGTH) {
      return false;
    }
    return candidate.codePoints().noneMatch(Character::isISOControl);
  }

  /** The first usable ID among the headers, in precedence order. */
  static Optional<String> fromHeaders(Map<String, String> headers) {
    String header = headers.get(MessageHeaders.MESSAGE_ID);
    if (usable(header)) {
      return Optional.of(header);
    }
    String ceId = headers.get(MessageHeaders.CE_ID);
    return usable(ceId) ? Optional.of(ceId) : Optional.empty();
  }

  /** The first usable ID among the value's field and the headers, in precedence order. */
  static Optional<String> resolve(JsonNode value, Map<String, String> headers) {
    JsonNode field = value.get(FIELD);
    if (field != null && field.isString() && usable(field.stringValue())) {
      return Optional.of(field.stringValue());
    }
    return fromHeaders(headers);
  }

  /** True when the value carries a {@code message_id} field that is not a usable ID. */
  static boolean hasUnusableField(JsonNode value) {
    JsonNode field = value.get(FIELD);
    return field != null && !(field.isString() && usable(field.stringValue()));
  }
}
