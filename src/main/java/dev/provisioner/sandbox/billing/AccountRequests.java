package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.billing.AccountDraft.CustomerRef;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads and validates account request bodies. */
final class AccountRequests {

  private static final Set<String> CREATE_FIELDS = Set.of("customer", "external_reference",
      "name", "currency", "balance", "metadata");
  private static final Set<String> PATCH_FIELDS = Set.of("name", "currency", "balance",
      "metadata");
  private static final Set<String> IMMUTABLE = Set.of("external_reference", "customer",
      "customer_id", "id");

  private final FieldRules rules;
  private final CustomerRequests customers;

  AccountRequests(FieldRules rules, CustomerRequests customers) {
    this.rules = rules;
    this.customers = customers;
  }

  /** The draft, or null with the reasons in {@code violations}. */
  @Nullable AccountDraft create(JsonNode body, Violations violations) {
    rules.rejectUnknown(body, CREATE_FIELDS, "", violations);
    CustomerRef customer = customer(body, violations);
    String reference = rules.externalReference(body, "", true, violations);
    String name = rules.text(body, "name", "", false, violations);
    String currency = rules.currency(body, "", violations);
    Long balance = rules.balance(body, "", violations);
    Map<String, @Nullable String> metadata = rules.metadata(body, "", false, violations);
    if (balance != null && currency == null && !body.hasNonNull("currency")) {
      violations.malformed("balance", "requires currency");
    }
    if (metadata != null) {
      rules.metadataSize(metadata, "", violations);
    }
    if (violations.any() || customer == null || reference == null) {
      return null;
    }
    return new AccountDraft(customer, reference, name, currency, balance,
        FieldRules.frozen(metadata == null ? Map.of() : metadata));
  }

  @Nullable ResourcePatch patch(JsonNode body, Violations violations) {
    for (String field : IMMUTABLE) {
      if (body.has(field)) {
        violations.unprocessable(field, "cannot be changed after creation");
      }
    }
    Set<String> known = new java.util.HashSet<>(PATCH_FIELDS);
    known.addAll(IMMUTABLE);
    rules.rejectUnknown(body, known, "", violations);
    return Patches.read(rules, body, violations, false);
  }

  private @Nullable CustomerRef customer(JsonNode body, Violations violations) {
    JsonNode node = body.get("customer");
    if (node == null || node.isNull()) {
      violations.malformed("customer", "required: a bcus_ id, a customer external_reference "
          + "or a customer object");
      return null;
    }
    if (node.isObject()) {
      CustomerDraft draft = customers.create(node, "customer.", violations);
      return draft == null ? null : new CustomerRef.New(draft);
    }
    String reference = rules.matching(body, "customer", "", true, FieldRules.EXTERNAL_REFERENCE,
        violations);
    return reference == null ? null : new CustomerRef.Existing(reference);
  }
}
