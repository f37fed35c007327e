package dev.provisioner.sandbox.billing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account as Moment's API answers it. {@code payment_rules} is never present: the API offers
 * no way to set them, so a sandbox account, like a fresh Moment one, cannot be paid against.
 */
public record Account(String id, String externalReference, String customerId,
    @Nullable String name, @Nullable String currency, @Nullable Long balance,
    Map<String, String> metadata) {

  Account with(ResourcePatch patch, Map<String, String> mergedMetadata) {
    return new Account(id, externalReference, customerId,
        patch.name() != null ? patch.name() : name,
        patch.currency() != null ? patch.currency() : currency,
        patch.balance() != null ? patch.balance() : balance,
        mergedMetadata);
  }
}
