package dev.provisioner.accounts;

import dev.provisioner.accounts.ApiOutcome.Transient;
import io.vertx.core.VertxException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies the failure to get any response: timeouts (the request was sent, the answer did not
 * come in time) apart from connection errors (refused, reset, closed mid-response, connect timed
 * out; Vert.x's {@link VertxException}s, e.g. {@code HttpClosedException}, {@code
 * StreamResetException}, are connection errors too), and both apart from a response that is not
 * valid HTTP or whose body is over the client's limit (an unreadable response: the account may
 * exist). Anything else is a bug in the
 * client; it is still a {@link Transient} so no command is lost, and it is logged.
 *
 * <p>The cause kept in the outcome is the original exception unless some message in its chain
 * contains the API key; then it is replaced by a {@link RedactedFailure} holding the masked text.
 */
final class Failures {

  private static final Logger log = LoggerFactory.getLogger(Failures.class);
  private static final String HTTP_CODEC = "io.netty.handler.codec.http.";

  private final ApiSettings settings;

  Failures(ApiSettings settings) {
    this.settings = settings;
  }

  Transient toOutcome(String call, Throwable failure) {
    Throwable original = unwrap(failure);
    Throwable cause = redacted(original);
    String detail = call + " failed: " + describe(cause);
    Problem problem;
    if (isTimeout(original)) {
      problem = ClientProblems.timeout(detail);
    } else if (original instanceof OversizedResponseException) {
      problem = ClientProblems.unreadableResponse(call + " failed: " + original.getMessage());
    } else if (isInvalidHttp(original)) {
      problem = ClientProblems.unreadableResponse(call + " failed: the response is not valid HTTP: "
          + describe(cause));
    } else if (original instanceof IOException || isNettyConnectionFailure(original)
        || original instanceof VertxException) {
      problem = ClientProblems.connectionError(detail);
    } else {
      log.warn("Unexpected failure of {}, treated as transient", call, cause);
      problem = ClientProblems.clientFailure(detail);
    }
    return new Transient(problem, null, false, cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isTimeout(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return false; // nothing was sent: a connection error, as when refused
    }
    return cause instanceof HttpTimeoutException || cause instanceof TimeoutException
        || cause.getClass().getSimpleName().equals("ReadTimeoutException");
  }

  /**
   * Netty's HTTP decoder refused the response: its own exceptions, or an {@link
   * IllegalArgumentException} or {@link NumberFormatException} thrown while it read the status line
   * or a header (two {@code Content-Length}s, a status that is not a number, a NUL in a header).
   * The server's fault, not a bug of the client's, so it is neither logged nor called one.
   */
  private static boolean isInvalidHttp(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().startsWith(HTTP_CODEC)) {
        return true;
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().equals(HTTP_CODEC + "HttpObjectDecoder")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Netty reports some connection failures without an IOException (e.g. its own exceptions). */
  private static boolean isNettyConnectionFailure(Throwable cause) {
    String name = cause.getClass().getName();
    return name.startsWith("io.netty.") || name.startsWith("reactor.netty.");
  }

  /**
   * The failure and, when it says more, its root cause: a TLS failure's own message is only
   * "Failed to create SSL connection"; why (an untrusted certificate, a host name that does not
   * match it) is in the root cause, and an operator needs it to fix the trust store.
   */
  private static String describe(Throwable cause) {
    String failure = line(cause);
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootMessage = root.getMessage();
    boolean saysMore = root != cause && rootMessage != null && !failure.contains(rootMessage);
    return saysMore ? failure + " (cause: " + line(root) + ")" : failure;
  }

  private static String line(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
  }

  private Throwable redacted(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()) + t;
      if (!settings.redact(message).equals(message)) {
        return new RedactedFailure(settings.redact(cause.getClass().getName() + ": "
            + cause.getMessage()));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return cause;
  }

  /** Stands in for a failure whose message contained the API key; it keeps no stack of the key. */
  static final class RedactedFailure extends IOException {
    private static final long serialVersionUID = 1L;

    RedactedFailure(String message) {
      super(message);
    }
  }
}
