package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code Authorization: Bearer <key>} header as Moment does: secret keys
 * ({@code sk_test_...}, {@code sk_...}) pass, public keys ({@code pk_...}) are forbidden, anything
 * else is unauthorized. With a configured key, only that secret key passes.
 */
public final class Auth {

  private static final Pattern KEY = Pattern.compile("(sk|pk)_[A-Za-z0-9_]+");
  private static final String BEARER = "bearer ";

  private final byte @Nullable [] onlyKey;

  /** {@code onlyKey} blank: any well-formed secret key passes. */
  public Auth(String onlyKey) {
    this.onlyKey = onlyKey.isBlank() ? null : onlyKey.getBytes(StandardCharsets.UTF_8);
  }

  /** The refusal for this header, or empty when the request may go on. */
  public Optional<Reply> refusal(@Nullable String authorization, String instance) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(ProblemType.UNAUTHORIZED, 401,
          "Authorization: required, as 'Bearer sk_test_...'", instance);
    }
    String key = authorization.substring(BEARER.length()).trim();
    if (!KEY.matcher(key).matches()) {
      return refuse(ProblemType.UNAUTHORIZED, 401,
          "Authorization: not a Moment API key (expected sk_test_..., sk_...)", instance);
    }
    if (key.startsWith("pk_")) {
      return refuse(ProblemType.FORBIDDEN, 403,
          "Authorization: a public key (pk_...) cannot use the billing API", instance);
    }
    if (onlyKey != null && !MessageDigest.isEqual(onlyKey, key.getBytes(StandardCharsets.UTF_8))) {
      return refuse(ProblemType.UNAUTHORIZED, 401, "Authorization: unknown API key", instance);
    }
    return Optional.empty();
  }

  private static Optional<Reply> refuse(ProblemType type, int status, String detail,
      String instance) {
    return Optional.of(type.reply(status, detail, instance)
        .withHeader("WWW-Authenticate", "Bearer"));
  }
}
