package dev.provisioner.accounts;

import java.io.IOException;

/**
 * A response whose body is over {@link VertxExchange#MAX_RESPONSE_BYTES}: the API answered, but
 * the client would not read the answer, so it is an unreadable response (the account may exist),
 * not a connection error.
 */
final class OversizedResponseException extends IOException {

  private static final long serialVersionUID = 1L;

  OversizedResponseException(int status) {
    super("response body over " + VertxExchange.MAX_RESPONSE_BYTES + " bytes (status " + status + ")");
  }
}
