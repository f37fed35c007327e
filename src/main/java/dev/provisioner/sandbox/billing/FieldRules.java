package dev.provisioner.sandbox.billing;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The field rules of the seeds and moment-api.md, shared by accounts and customers. Each reader
 * returns the valid value, or null after recording why it is absent or not valid.
 */
final class FieldRules {

  static final int MAX_LENGTH = 255;
  static final Pattern EXTERNAL_REFERENCE = Pattern.compile("[a-zA-Z0-9_-]+");
  static final Pattern CUSTOMER_ID = Pattern.compile("bcus_[a-zA-Z0-9]+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{1,14}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
      .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

  private final BillingLimits limits;

  FieldRules(BillingLimits limits) {
    this.limits = limits;
  }

  void rejectUnknown(JsonNode body, Set<String> known, String prefix, Violations violations) {
    if (!limits.rejectUnknownFields()) {
      return;
    }
    for (String field : body.propertyNames()) {
      if (!known.contains(field)) {
        violations.malformed(prefix + cut(field), "unknown field");
      }
    }
  }

  @Nullable String text(JsonNode body, String field, String prefix, boolean required,
      Violations violations) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        violations.malformed(prefix + field, "required");
      }
      return null;
    }
    if (!node.isString()) {
      violations.malformed(prefix + field, "must be a string, got " + node.getNodeType());
      return null;
    }
    String value = node.stringValue();
    int length = value.codePointCount(0, value.length());
    if (length > MAX_LENGTH) {
      violations.malformed(prefix + field, "at most " + MAX_LENGTH + " characters, got " + length);
      return null;
    }
    return value;
  }

  @Nullable String matching(JsonNode body, String field, String prefix, boolean required,
      Pattern pattern, Violations violations) {
    String value = text(body, field, prefix, required, violations);
    if (value != null && !pattern.matcher(value).matches()) {
      violations.malformed(prefix + field, "must match ^" + pattern.pattern() + "$, got "
          + shown(value));
      return null;
    }
    return value;
  }

  @Nullable String externalReference(JsonNode body, String prefix, boolean required,
      Violations violations) {
    return matching(body, "external_reference", prefix, required, EXTERNAL_REFERENCE, violations);
  }

  @Nullable String phone(JsonNode body, String prefix, Violations violations) {
    return matching(body, "phone", prefix, false, PHONE, violations);
  }

  @Nullable String email(JsonNode body, String prefix, Violations violations) {
    String value = text(body, "email", prefix, false, violations);
    if (value != null && !EMAIL.matcher(value).matches()) {
      violations.malformed(prefix + "email", "must be an e-mail address, got " + shown(value));
      return null;
    }
    return value;
  }

  @Nullable String currency(JsonNode body, String prefix, Violations violations) {
    String value = text(body, "currency", prefix, false, violations);
    if (value != null && !CURRENCIES.contains(value)) {
      violations.malformed(prefix + "currency",
          "must be an upper-case ISO 4217 currency code, got " + shown(value));
      return null;
    }
    return value;
  }

  @Nullable Long balance(JsonNode body, String prefix, Violations violations) {
    JsonNode node = body.get("balance");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      violations.malformed(prefix + "balance",
          "must be an integer (minor units), got " + node.getNodeType());
      return null;
    }
    BigInteger value = node.bigIntegerValue();
    if (value.abs().compareTo(BigInteger.valueOf(limits.maxBalance())) > 0) {
      violations.malformed(prefix + "balance", "must be between -" + limits.maxBalance() + " and "
          + limits.maxBalance() + ", got " + shown(value.toString()));
      return null;
    }
    return value.longValue();
  }

  /** Metadata: an object of string values; {@code removals} allows null values (PATCH). */
  @Nullable Map<String, @Nullable String> metadata(JsonNode body, String prefix, boolean removals,
      Violations violations) {
    JsonNode node = body.get("metadata");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      violations.malformed(prefix + "metadata", "must be an object, got " + node.getNodeType());
      return null;
    }
    Map<String, @Nullable String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      if (metadataEntry(key, entry.getValue(), prefix, removals, violations)) {
        result.put(key, entry.getValue().isNull() ? null : entry.getValue().stringValue());
      }
    }
    return result;
  }

  private boolean metadataEntry(String key, JsonNode value, String prefix, boolean removals,
      Violations violations) {
    String field = prefix + "metadata";
    int keyLength = key.codePointCount(0, key.length());
    if (keyLength == 0 || keyLength > limits.metadataMaxKeyLength()) {
      violations.malformed(field, "key names 1 to " + limits.metadataMaxKeyLength()
          + " characters, got " + keyLength + " for " + shown(key));
      return false;
    }
    if (value.isNull() && removals) {
      return true;
    }
    if (!value.isString()) {
      violations.malformed(field + "." + cut(key), "must be a string, got " + value.getNodeType());
      return false;
    }
    String text = value.stringValue();
    int length = text.codePointCount(0, text.length());
    if (length > limits.metadataMaxValueLength()) {
      violations.malformed(field + "." + cut(key),
          "at most " + limits.metadataMaxValueLength() + " characters, got " + length);
      return false;
    }
    return true;
  }

  /** Checks the key count of the metadata sent in a create. */
  void metadataSize(Map<String, ?> metadata, String prefix, Violations violations) {
    if (metadata.size() > limits.metadataMaxKeys()) {
      violations.malformed(prefix + "metadata", tooManyKeys(metadata));
    }
  }

  /** Checks the key count of metadata once a PATCH is merged into what is stored. */
  void mergedMetadataSize(Map<String, ?> metadata, Violations violations) {
    if (metadata.size() > limits.metadataMaxKeys()) {
      violations.unprocessable("metadata", tooManyKeys(metadata) + " once merged");
    }
  }

  private String tooManyKeys(Map<String, ?> metadata) {
    return "at most " + limits.metadataMaxKeys() + " keys, got " + metadata.size();
  }

  static Map<String, String> frozen(Map<String, ? extends @Nullable String> metadata) {
    Map<String, String> copy = new LinkedHashMap<>();
    metadata.forEach((key, value) -> {
      if (value != null) {
        copy.put(key, value);
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  /** A user-supplied value quoted and cut short, so a hostile value cannot flood a detail. */
  static String shown(String value) {
    return "\"" + cut(value).replace("\"", "\\\"") + "\"";
  }

  static String cut(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
