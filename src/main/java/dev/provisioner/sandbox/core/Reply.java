package dev.provisioner.sandbox.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One complete HTTP answer: status, headers and body bytes. Replies are immutable, so the
 * idempotency store can keep one and send it again.
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public Reply {
    headers = Map.copyOf(headers);
  }

  /** A JSON reply of {@code value} serialised with the sandbox's mapper. */
  public static Reply json(int status, Object value) {
    return new Reply(status, Map.of("Content-Type", JSON), SandboxJson.bytes(value));
  }

  /** A reply without a body. */
  public static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  /** This reply with one more header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body);
  }
}
