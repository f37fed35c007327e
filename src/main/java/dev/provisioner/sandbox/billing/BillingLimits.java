package dev.provisioner.sandbox.billing;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of request bodies ({@code sandbox.limits.*}), in one place because Moment's pages
 * disagree on the metadata numbers; the defaults are those of the Create Account page.
 *
 * @param metadataMaxKeys at most this many metadata keys
 * @param metadataMaxKeyLength at most this many characters in a metadata key
 * @param metadataMaxValueLength at most this many characters in a metadata value
 * @param maxBalance the largest absolute {@code balance} accepted (minor units)
 * @param rejectUnknownFields whether a field the API does not know is a 400 naming it
 */
public record BillingLimits(@DefaultValue("20") int metadataMaxKeys,
    @DefaultValue("40") int metadataMaxKeyLength, @DefaultValue("500") int metadataMaxValueLength,
    @DefaultValue("1000000000000000") long maxBalance,
    @DefaultValue("true") boolean rejectUnknownFields) {

  public static final BillingLimits DEFAULTS =
      new BillingLimits(20, 40, 500, 1_000_000_000_000_000L, true);

  public BillingLimits {
    positive("metadata-max-keys", metadataMaxKeys);
    positive("metadata-max-key-length", metadataMaxKeyLength);
    positive("metadata-max-value-length", metadataMaxValueLength);
    positive("max-balance", maxBalance);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "sandbox.limits." + name + " must be positive, but was " + value);
    }
  }
}
