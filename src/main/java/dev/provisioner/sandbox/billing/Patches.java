package dev.provisioner.sandbox.billing;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the body of a PATCH, shared by accounts and customers. */
final class Patches {

  private Patches() {
  }

  /** The patch, or null with the reasons in {@code violations}. */
  static @Nullable ResourcePatch read(FieldRules rules, JsonNode body, Violations violations,
      boolean contactFields) {
    for (String field : new String[] {"name", "email", "phone", "currency", "balance"}) {
      if (body.has(field) && body.get(field).isNull()) {
        violations.malformed(field, "cannot be null; send a value to change it");
      }
    }
    String name = rules.text(body, "name", "", false, violations);
    String email = contactFields ? rules.email(body, "", violations) : null;
    String phone = contactFields ? rules.phone(body, "", violations) : null;
    String currency = rules.currency(body, "", violations);
    Long balance = rules.balance(body, "", violations);
    Map<String, @Nullable String> metadata = rules.metadata(body, "", true, violations);
    if (violations.any()) {
      return null;
    }
    return new ResourcePatch(name, email, phone, currency, balance, metadata);
  }

  /** Checks the merged result: balance needs a currency, metadata within limits. */
  static void checkMerged(FieldRules rules, @Nullable Long balance, @Nullable String currency,
      Map<String, String> metadata, Violations violations) {
    if (balance != null && currency == null) {
      violations.unprocessable("balance", "requires currency");
    }
    rules.mergedMetadataSize(metadata, violations);
  }
}
