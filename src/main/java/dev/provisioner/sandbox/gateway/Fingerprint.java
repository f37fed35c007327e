package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.ParsedBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The identity of a request for the idempotency store: SHA-256 of the operation and of the body
 * in canonical form (parsed JSON with object members sorted by name), so whitespace and member
 * order do not make "another body", while any different value does. A body that is not JSON is
 * fingerprinted by its bytes.
 */
final class Fingerprint {

  private Fingerprint() {
  }

  static byte[] of(String operation, ParsedBody body, byte[] raw) {
    MessageDigest digest = sha256();
    digest.update(operation.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    if (body instanceof ParsedBody.Json json) {
      StringBuilder canonical = new StringBuilder(raw.length + 16);
      write(json.tree(), canonical);
      digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
    } else {
      digest.update((byte) 1);
      digest.update(raw);
    }
    return digest.digest();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      Collections.sort(members, Map.Entry.comparingByKey());
      out.append('{');
      for (Map.Entry<String, JsonNode> member : members) {
        out.append(StringNode.valueOf(member.getKey()).toString()).append(':');
        write(member.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node.values()) {
        write(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
