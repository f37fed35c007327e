package dev.provisioner.command;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The command schema, loaded once from the classpath, and the one-line description of the first
 * way a value breaks it: {@code account.currency: does not match ^[A-Z]{3}$}.
 */
final class CommandSchema {

  /**
   * The integer fields. JSON Schema counts {@code 2.0} and {@code 2e3} as integers, but the API
   * should see plain integers, and the validator throws on a float beyond the long range when it
   * checks {@code minimum}: such values are refused before the schema sees them.
   */
  private static final List<JsonPointer> INTEGER_FIELDS = List.of(
      JsonPointer.compile("/account/balance"), JsonPointer.compile("/account/customer/balance"));

  private final Schema schema = SchemaFiles.load(SchemaFiles.COMMAND);

  /** The first violation as one safe line, or empty when the value is valid. */
  Optional<String> firstViolation(JsonNode value) {
    for (JsonPointer pointer : INTEGER_FIELDS) {
      JsonNode number = value.at(pointer);
      if (number.isNumber() && !number.isIntegralNumber()) {
        return Optional.of(pointer.toString().substring(1).replace('/', '.')
            + ": must be an integer written without fraction or exponent");
      }
    }
    List<Error> errors = schema.validate(value);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String first = describe(errors.get(0));
    long others = errors.stream().map(CommandSchema::where).distinct().count() - 1;
    String more = others > 0 ? " (and " + others + " more)" : "";
    return Optional.of(SafeText.line(first + more));
  }

  static String describe(Error error) {
    String at = path(error.getInstanceLocation());
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    String property = error.getProperty() == null ? "" : SafeText.value(error.getProperty());
    return switch (error.getKeyword()) {
      case "additionalProperties" -> child(at, property) + ": is not a known field";
      case "required" -> child(at, property) + ": is required";
      case "dependentRequired" ->
          child(at, String.valueOf(args[0])) + ": is required when " + args[1] + " is given";
      case "propertyNames" -> child(at, property) + ": key " + (args.length > 1 ? args[1] : "");
      case "pattern" -> at + ": does not match " + args[0];
      case "type" -> at + ": must be " + expected(args[1]) + ", not " + args[0];
      default -> at + ": " + error.getMessage();
    };
  }

  /** Where an error is; branches of one rule (a type's if/else) report the same place twice. */
  private static String where(Error error) {
    return error.getInstanceLocation() + "|" + error.getProperty();
  }

  /** {@code account.metadata.key}; {@code value} for the whole record value. */
  static String path(NodePath location) {
    if (location.getNameCount() == 0) {
      return "value";
    }
    StringJoiner joined = new StringJoiner(".");
    for (int i = 0; i < location.getNameCount(); i++) {
      joined.add(SafeText.value(location.getName(i)));
    }
    return joined.toString();
  }

  private static String child(String at, String name) {
    return "value".equals(at) ? name : at + "." + name;
  }

  private static String expected(Object types) {
    return String.valueOf(types).replace("[", "").replace("]", "").replace(", ", " or ");
  }
}
