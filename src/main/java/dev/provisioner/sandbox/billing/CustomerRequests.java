package dev.provisioner.sandbox.billing;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads and validates customer request bodies, alone or nested in an account request. */
final class CustomerRequests {

  private static final Set<String> CREATE_FIELDS = Set.of("external_reference", "name", "email",
      "phone", "currency", "balance", "metadata");
  private static final Set<String> PATCH_FIELDS = Set.of("name", "email", "phone", "currency",
      "balance", "metadata");

  private final FieldRules rules;

  CustomerRequests(FieldRules rules) {
    this.rules = rules;
  }

  /** The draft, or null with the reasons in {@code violations}; {@code prefix} names nesting. */
  @Nullable CustomerDraft create(JsonNode body, String prefix, Violations violations) {
    rules.rejectUnknown(body, CREATE_FIELDS, prefix, violations);
    String reference = rules.externalReference(body, prefix, true, violations);
    String name = rules.text(body, "name", prefix, false, violations);
    String email = rules.email(body, prefix, violations);
    String phone = rules.phone(body, prefix, violations);
    String currency = rules.currency(body, prefix, violations);
    Long balance = rules.balance(body, prefix, violations);
    Map<String, @Nullable String> metadata = rules.metadata(body, prefix, false, violations);
    if (balance != null && currency == null && !body.hasNonNull("currency")) {
      violations.malformed(prefix + "balance", "requires currency");
    }
    if (metadata != null) {
      rules.metadataSize(metadata, prefix, violations);
    }
    if (violations.any() || reference == null) {
      return null;
    }
    return new CustomerDraft(reference, name, email, phone, currency, balance,
        FieldRules.frozen(metadata == null ? Map.of() : metadata));
  }

  @Nullable ResourcePatch patch(JsonNode body, Violations violations) {
    rules.rejectUnknown(body, PATCH_FIELDS, "", violations);
    return Patches.read(rules, body, violations, true);
  }
}
