package dev.provisioner.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The message-ID rule: the {@code message_id} field, else the {@code message-id} header, else
 * the {@code ce_id} header. A candidate counts only if it is usable: 1 to 255 code points, not
 * blank, without control characters or unpaired surrogates (the command schema's
 * {@code message_id}, stated in {@link #RULE}), and, for a header, valid UTF-8.
 *
 * <p>Every usable ID is a well-formed Unicode string, so it has exactly one UTF-8 form: the
 * {@code message-id} header of a reply and the {@code message_id} of its body always agree.
 */
final class MessageIds {

  static final String FIELD = "message_id";
  static final int MAX_LENGTH = 255;

  /** The rule, as the details of rejected records state it. */
  static final String RULE = "a string of 1 to " + MAX_LENGTH
      + " characters, not blank, without control characters or unpaired surrogates";

  private static final List<String> HEADERS = List.of(MessageHeaders.MESSAGE_ID, MessageHeaders.CE_ID);
  private static final String NONE = "no message ID: the value has no usable message_id"
      + " and neither the message-id nor the ce_id header holds one";

  private MessageIds() {
  }

  static boolean usable(@Nullable String candidate) {
    return candidate != null && defect(candidate) == null;
  }

  /**
   * What makes {@code candidate} unusable, worded to follow "it" ({@code is blank},
   * {@code is 300 characters long}), or null when it is usable. Never quotes the candidate.
   */
  static @Nullable String defect(String candidate) {
    if (candidate.isEmpty()) {
      return "is empty";
    }
    if (isBlank(candidate)) {
      return "is blank";
    }
    int length = candidate.codePointCount(0, candidate.length());
    if (length > MAX_LENGTH) {
      return "is " + length + " characters long";
    }
    if (candidate.codePoints().anyMatch(Character::isISOControl)) {
      return "has control characters";
    }
    // Unpaired, a surrogate has no UTF-8 form: the reply's header would carry '?' instead.
    if (candidate.codePoints().anyMatch(MessageIds::isSurrogate)) {
      return "has an unpaired surrogate";
    }
    return null;
  }

  /**
   * True when every character is white space, a space separator or U+FEFF. String.isBlank
   * misses the no-break spaces (U+00A0, U+2007, U+202F), which look just as empty, and U+FEFF is
   * a zero-width no-break space (a stray byte-order mark): an ID of those shows as nothing.
   */
  static boolean isBlank(String candidate) {
    return candidate.codePoints().allMatch(
        cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\uFEFF');
  }

  /** The first usable ID among the headers, in precedence order. */
  static Optional<String> fromHeaders(CommandHeaders headers) {
    for (String name : HEADERS) {
      String value = headers.text().get(name);
      if (usable(value)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The first usable ID among the value's field and the headers, in precedence order. */
  static Optional<String> resolve(JsonNode value, CommandHeaders headers) {
    JsonNode field = value.get(FIELD);
    if (field != null && field.isString() && usable(field.stringValue())) {
      return Optional.of(field.stringValue());
    }
    return fromHeaders(headers);
  }

  /** What is wrong with the value's {@code message_id}, when it has one that is not usable. */
  static Optional<String> fieldDefect(JsonNode value) {
    JsonNode field = value.get(FIELD);
    if (field == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(field.isString() ? defect(field.stringValue()) : "is " + kind(field));
  }

  /**
   * Why there is no usable ID, as one line: the defect of each candidate present, in precedence
   * order, so that the sender learns what to fix (and that a value that is not a JSON object
   * cannot hold one).
   */
  static String whyNone(JsonNode value, CommandHeaders headers) {
    if (!value.isObject()) {
      return "value must be a JSON object, not " + kind(value);
    }
    List<String> defects = new ArrayList<>();
    fieldDefect(value).ifPresent(defect -> defects.add(FIELD + " must be " + RULE + " (it " + defect + ")"));
    for (String name : HEADERS) {
      headerDefect(name, headers).ifPresent(defect -> defects.add("the " + name + " header " + defect));
    }
    String why = defects.isEmpty() ? NONE : "no message ID: " + String.join("; ", defects);
    return SafeText.line(why + misnamed(headers).map(hint -> " (" + hint + ")").orElse(""));
  }

  /**
   * A header named like a message-ID header but not exactly ({@code Message-ID},
   * {@code message_id}, {@code CE_ID}): Kafka header names are exact, and producers in other
   * languages write them as HTTP or their own conventions do.
   */
  private static Optional<String> misnamed(CommandHeaders headers) {
    Set<String> names = new TreeSet<>(headers.text().keySet());
    names.addAll(headers.notUtf8());
    for (String name : names) {
      for (String wanted : HEADERS) {
        if (!name.equals(wanted) && loose(name).equals(loose(wanted))) {
          return Optional.of("a header named " + SafeText.value(name) + " was given: header names are "
              + "case-sensitive; the message ID goes in " + wanted);
        }
      }
    }
    return Optional.empty();
  }

  private static String loose(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Optional<String> headerDefect(String name, CommandHeaders headers) {
    if (headers.notUtf8().contains(name)) {
      return Optional.of("is not valid UTF-8");
    }
    String text = headers.text().get(name);
    return text == null ? Optional.empty() : Optional.ofNullable(defect(text));
  }

  /** The JSON type of a node with its article: {@code an array}, {@code a number}, {@code null}. */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case NUMBER -> "a number";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case BINARY, MISSING, POJO -> "not a JSON value";
    };
  }

  private static boolean isSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }
}
