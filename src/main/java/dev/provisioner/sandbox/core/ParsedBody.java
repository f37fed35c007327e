package dev.provisioner.sandbox.core;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A request body after parsing: JSON, or the reason it is not usable JSON. */
public sealed interface ParsedBody {

  /** A body that parsed as JSON (any JSON value; operations check that it is an object). */
  record Json(JsonNode tree) implements ParsedBody {
  }

  /** A body that is empty or not JSON. */
  record Malformed(String reason) implements ParsedBody {
  }

  static ParsedBody parse(byte[] bytes) {
    if (bytes.length == 0) {
      return new Malformed("body: required, a JSON object");
    }
    try {
      return new Json(SandboxJson.tree(bytes));
    } catch (JacksonException e) {
      return new Malformed("body: not valid JSON (" + shortReason(e) + ")");
    }
  }

  private static String shortReason(JacksonException e) {
    String message = e.getOriginalMessage();
    String firstLine = message == null ? "unreadable" : message.lines().findFirst().orElse("");
    return firstLine.length() > 160 ? firstLine.substring(0, 160) + "..." : firstLine;
  }
}
