package dev.provisioner.sandbox.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A valid PATCH of an account or a customer: only the fields sent are non-null. Metadata changes
 * are merged key by key; a key whose value is null is removed.
 */
record ResourcePatch(@Nullable String name, @Nullable String email, @Nullable String phone,
    @Nullable String currency, @Nullable Long balance,
    @Nullable Map<String, @Nullable String> metadata) {

  Map<String, String> mergeInto(Map<String, String> current) {
    if (metadata == null) {
      return current;
    }
    Map<String, String> merged = new LinkedHashMap<>(current);
    metadata.forEach((key, value) -> {
      if (value == null) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    return FieldRules.frozen(merged);
  }
}
