package dev.provisioner.command;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's parse errors in the words of the people who sent the record: where, and the gist
 * ({@code trailing content after the JSON value}, {@code nesting deeper than 32}), without the
 * parser's class, method or feature names and its hints on how to configure it, which mean
 * nothing to them and say more than they need about the worker.
 */
final class JsonErrors {

  /** A limit of {@code StreamReadConstraints} broken: the start of Jackson's message, and ours. */
  private record Limit(String jackson, String ours) {
  }

  private static final List<Limit> LIMITS = List.of(
      new Limit("Number value length", "number longer than %s characters"),
      new Limit("Document nesting depth", "nesting deeper than %s"),
      new Limit("String value length", "string longer than %s characters"),
      new Limit("Name length", "property name longer than %s characters"),
      new Limit("Document length", "value longer than %s bytes"),
      new Limit("Token count", "more than %s tokens"));

  private static final Pattern MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");
  private static final Pattern DUPLICATE =
      Pattern.compile("^Duplicate Object property \"(.*)\"$", Pattern.DOTALL);

  /** Jackson's advice on the feature that would have accepted the input: how to configure it. */
  private static final Pattern HINT = Pattern.compile(
      ":? ?enable `[^`]*` to allow|\\s*\\([^()]*Feature[^()]*\\)|\\s*\\(start marker at .*$");

  private JsonErrors() {
  }

  /** {@code value is not JSON (line 1, column 9): trailing content after the JSON value}. */
  static String describe(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return SafeText.line("value is not JSON" + where + ": " + gist(e));
  }

  static String gist(JacksonException e) {
    String original = String.valueOf(e.getOriginalMessage());
    // The key is the sender's text, line breaks and all: matched whole, then cut and escaped.
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.matches()) {
      return "duplicate key \"" + SafeText.value(duplicate.group(1)) + "\"";
    }
    String message = firstLine(original);
    if (e instanceof StreamConstraintsException) {
      return limit(message);
    }
    if (message.startsWith("Trailing token")) {
      return "trailing content after the JSON value";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return "unexpected end of input" + inside(message);
    }
    return withoutInternals(HINT.matcher(message).replaceAll(""));
  }

  private static String limit(String message) {
    Matcher maximum = MAXIMUM.matcher(message);
    if (maximum.find()) {
      for (Limit limit : LIMITS) {
        if (message.startsWith(limit.jackson())) {
          return limit.ours().formatted(maximum.group(1));
        }
      }
    }
    return "beyond the parser's limits";
  }

  /** Where the value ended: Jackson names the container, or the token type when in a value. */
  private static String inside(String message) {
    if (message.contains("Object")) {
      return " inside an object";
    }
    if (message.contains("Array")) {
      return " inside an array";
    }
    return message.contains("STRING") || message.contains("String") ? " inside a string" : "";
  }

  /** The last guard: a message this class does not know, still naming the parser's insides. */
  private static String withoutInternals(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    boolean internal = message.contains("`") || lower.contains("jackson") || message.contains("Feature");
    return internal ? "malformed JSON" : message;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
