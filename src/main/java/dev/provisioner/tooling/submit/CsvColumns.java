package dev.provisioner.tooling.submit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The header row of a CSV file, checked once: every column names a command field, so a typo is
 * an error naming the column rather than a silently dropped value.
 */
final class CsvColumns {

  private static final Set<String> ACCOUNT = Set.of("message_id", "external_reference", "name",
      "currency", "balance", "customer");
  private static final Set<String> CUSTOMER = Set.of("external_reference", "name", "email",
      "phone", "currency", "balance");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
  private static final String EXPECTED = "expected message_id, external_reference, name, currency,"
      + " balance, customer, customer.<external_reference|name|email|phone|currency|balance>,"
      + " customer.metadata.<key> or metadata.<key>";

  private final List<String> names;

  private CsvColumns(List<String> names) {
    this.names = names;
  }

  /** Checks the header; the error names the first unknown, repeated or conflicting column. */
  static CsvColumns of(List<String> header) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (!known(name)) {
        throw new IllegalArgumentException("unknown column '" + name + "' (column " + (i + 1)
            + "): " + EXPECTED);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("column '" + name + "' appears twice in the header");
      }
    }
    if (!seen.contains("external_reference")) {
      throw new IllegalArgumentException("the header has no external_reference column: every "
          + "account needs one");
    }
    if (seen.contains("customer") && seen.stream().anyMatch(n -> n.startsWith("customer."))) {
      throw new IllegalArgumentException("the header has both customer and customer.* columns: "
          + "use customer for an existing customer, customer.<field> for a new one");
    }
    return new CsvColumns(header.stream().map(String::strip).toList());
  }

  int size() {
    return names.size();
  }

  /** Sets every non-empty field of the row on {@code command} ({@code message_id} + account). */
  void fill(List<String> fields, ObjectNode command) {
    ObjectNode account = command.putObject("account");
    for (int i = 0; i < names.size(); i++) {
      String value = fields.get(i);
      if (!value.isEmpty()) {
        set(names.get(i), value, command, account);
      }
    }
  }

  private static void set(String name, String value, ObjectNode command, ObjectNode account) {
    if (name.equals("message_id")) {
      command.put("message_id", value);
      return;
    }
    ObjectNode target = account;
    String field = name;
    if (name.startsWith("customer.")) {
      target = account.has("customer") ? (ObjectNode) account.get("customer")
          : account.putObject("customer");
      field = name.substring("customer.".length());
    }
    if (field.startsWith("metadata.")) {
      ObjectNode metadata = target.has("metadata") ? (ObjectNode) target.get("metadata")
          : target.putObject("metadata");
      metadata.put(field.substring("metadata.".length()), value);
    } else if (field.equals("balance") && INTEGER.matcher(value).matches()) {
      target.put(field, Long.parseLong(value));
    } else {
      target.put(field, value);
    }
  }

  private static boolean known(String name) {
    if (ACCOUNT.contains(name)) {
      return true;
    }
    if (name.startsWith("metadata.")) {
      return name.length() > "metadata.".length();
    }
    if (name.startsWith("customer.metadata.")) {
      return name.length() > "customer.metadata.".length();
    }
    return name.startsWith("customer.") && CUSTOMER.contains(name.substring("customer.".length()));
  }
}
