package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.ParsedBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity of a request for the idempotency store: SHA-256 of the operation and of the body
 * in canonical form (parsed JSON with object members sorted by name), so whitespace and member
 * order do not make "another body", while any different value does. A body that is not JSON is
 * fingerprinted by its bytes.
 */
final class Fingerprint {

  /** Compact JSON with every object's members sorted by name, at any depth. */
  private static final ObjectWriter CANONICAL = JsonMapper.builder()
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build().writer();

  private Fingerprint() {
  }

  static byte[] of(String operation, ParsedBody body, byte[] raw) {
    MessageDigest digest = sha256();
    digest.update(operation.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    if (body instanceof ParsedBody.Json json) {
      digest.update(CANONICAL.writeValueAsBytes(json.tree()));
    } else {
      digest.update((byte) 1);
      digest.update(raw);
    }
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
