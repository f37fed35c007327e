package dev.provisioner.sandbox.billing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer as Moment's API answers it. */
public record Customer(String id, String externalReference, @Nullable String name,
    @Nullable String email, @Nullable String phone, @Nullable String currency,
    @Nullable Long balance, Map<String, String> metadata) {

  static Customer from(String id, CustomerDraft draft) {
    return new Customer(id, draft.externalReference(), draft.name(), draft.email(), draft.phone(),
        draft.currency(), draft.balance(), draft.metadata());
  }

  Customer with(ResourcePatch patch, Map<String, String> mergedMetadata) {
    return new Customer(id, externalReference,
        patch.name() != null ? patch.name() : name,
        patch.email() != null ? patch.email() : email,
        patch.phone() != null ? patch.phone() : phone,
        patch.currency() != null ? patch.currency() : currency,
        patch.balance() != null ? patch.balance() : balance,
        mergedMetadata);
  }
}
