package dev.provisioner.sandbox.billing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A valid request to create an account. */
record AccountDraft(CustomerRef customer, String externalReference, @Nullable String name,
    @Nullable String currency, @Nullable Long balance, Map<String, String> metadata) {

  /** The {@code customer} of an account request. */
  sealed interface CustomerRef {

    /** A {@code bcus_} id or a customer's external reference. */
    record Existing(String reference) implements CustomerRef {
    }

    /** A customer to create first. */
    record New(CustomerDraft draft) implements CustomerRef {
    }
  }
}
