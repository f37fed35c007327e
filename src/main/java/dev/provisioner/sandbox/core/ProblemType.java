package dev.provisioner.sandbox.core;

import dev.provisioner.accounts.Problem;
import java.util.Map;

/**
 * The problem types the sandbox answers; the fragment of each type URI is part of the contract
 * that clients (and this product's own code) depend on.
 */
public enum ProblemType {
  VALIDATION_ERROR("validation-error", "Validation error"),
  UNAUTHORIZED("unauthorized", "Unauthorized"),
  FORBIDDEN("forbidden", "Forbidden"),
  NOT_FOUND("not-found", "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
  IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "Idempotency key in use"),
  DUPLICATE_EXTERNAL_REFERENCE("duplicate-external-reference", "Duplicate external reference"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused"),
  INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", "Invalid idempotency key"),
  RATE_LIMITED("rate-limited", "Too many requests"),
  INTERNAL_ERROR("internal-error", "Internal server error"),
  BAD_GATEWAY("bad-gateway", "Bad gateway"),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable"),
  GATEWAY_TIMEOUT("gateway-timeout", "Gateway timeout"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large");

  private static final Map<Integer, ProblemType> BY_SERVER_STATUS = Map.of(
      429, RATE_LIMITED, 500, INTERNAL_ERROR, 502, BAD_GATEWAY, 503, SERVICE_UNAVAILABLE,
      504, GATEWAY_TIMEOUT);

  private final String fragment;
  private final String title;

  ProblemType(String fragment, String title) {
    this.fragment = fragment;
    this.title = title;
  }

  public String fragment() {
    return fragment;
  }

  /** The type answering an injected status (429 or 5xx). */
  public static ProblemType forStatus(int status) {
    ProblemType type = BY_SERVER_STATUS.get(status);
    if (type == null) {
      throw new IllegalArgumentException("no problem type for injected status " + status);
    }
    return type;
  }

  /** A problem+json reply of this type. */
  public Reply reply(int status, String detail, String instance) {
    Problem problem = new Problem(Problem.TYPE_BASE + fragment, title, status, detail, instance);
    return new Reply(status, Map.of("Content-Type", Reply.PROBLEM_JSON), SandboxJson.bytes(problem));
  }
}
