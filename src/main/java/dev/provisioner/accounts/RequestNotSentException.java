package dev.provisioner.accounts;

import java.io.IOException;

/**
 * The request was never written whole: the pooled connection the client was given had already
 * been closed (by the server, without {@code Connection: close}, before the client saw it close),
 * so the write was refused and the API cannot have acted on the request. See {@link
 * ApiOutcome.Transient#notSent()}.
 */
public final class RequestNotSentException extends IOException {

  private static final long serialVersionUID = 1L;

  public RequestNotSentException(Throwable writeFailure) {
    super("the request was not sent: its pooled connection was already closed", writeFailure);
  }
}
