package dev.provisioner.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Builds the request URIs from the base URL and checks the arguments that go into a request.
 *
 * <p>A reference is encoded as exactly one path segment: every byte of its UTF-8 form outside
 * {@code [A-Za-z0-9_~-]} becomes {@code %XX}, dots and slashes included, so {@code ..} or
 * {@code ../x} cannot climb out of {@code /billing/accounts/}.
 */
final class AccountPaths {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[a-zA-Z0-9-]{1,255}");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String accounts;

  AccountPaths(URI baseUrl) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.accounts = base + "/billing/accounts";
  }

  URI accounts() {
    return URI.create(accounts);
  }

  URI account(String reference) {
    if (reference.isBlank()) {
      throw new IllegalArgumentException("account reference must not be blank");
    }
    return URI.create(accounts + "/" + encodeSegment(reference));
  }

  static String requireIdempotencyKey(String key) {
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "Idempotency-Key must be 1-255 characters of [a-zA-Z0-9-], but was '" + key + "'");
    }
    return key;
  }

  static String encodeSegment(String text) {
    var encoded = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreservedExceptDot(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreservedExceptDot(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '~';
  }
}
