package dev.provisioner.sandbox.billing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A valid request to create a customer, on its own or inside an account request. */
record CustomerDraft(String externalReference, @Nullable String name, @Nullable String email,
    @Nullable String phone, @Nullable String currency, @Nullable Long balance,
    Map<String, String> metadata) {
}
