package dev.provisioner.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One call on Vert.x's HTTP client under a deadline that covers all of it: waiting for a pooled
 * connection, connecting, sending, and reading the whole response.
 *
 * <p>The deadline is a Vert.x timer. When it fires first, the outcome is a timeout and the request
 * is reset (for HTTP/1.1 that closes its connection, which the pool then replaces), also when the
 * connection only comes after the deadline, so no connection stays held by an abandoned call.
 * Whichever of the answer, the failure or the deadline comes first completes the outcome; the
 * others are ignored. Callbacks run on a Vert.x event loop. A call that finds the client closed
 * before it has a connection ends as a connection error, as one whose connection is closed; one
 * whose request could not be written at all, its connection already closed, says so ({@link
 * ApiOutcome.Transient#notSent()}).
 */
final class VertxExchange {

  /**
   * The largest response body read: 256 KiB. The largest account Moment's limits allow (20
   * metadata values of 500 characters, every character escaped in six) is under 70 KB.
   */
  static final int MAX_RESPONSE_BYTES = 256 << 10;

  private final String call;
  private final OutcomeMapper outcomes;
  private final CompletableFuture<ApiOutcome> result = new CompletableFuture<>();
  private volatile @Nullable HttpClientRequest request;
  private volatile long timer = -1;

  private VertxExchange(String call, OutcomeMapper outcomes) {
    this.call = call;
    this.outcomes = outcomes;
  }

  /**
   * Starts the call.
   *
   * @param body the request body, or null for none
   * @param timeoutMillis the deadline of the whole call
   */
  static CompletableFuture<ApiOutcome> start(Vertx vertx, HttpClient http, String call,
      RequestOptions options, @Nullable Buffer body, long timeoutMillis, OutcomeMapper outcomes) {
    var exchange = new VertxExchange(call, outcomes);
    exchange.timer = vertx.setTimer(timeoutMillis, id -> exchange.expire(timeoutMillis));
    http.request(options).onComplete((request, failure) -> {
      if (failure != null) {
        exchange.finish(outcomes.fromFailure(call, closedClient(failure)), vertx);
      } else {
        exchange.send(request, body, vertx);
      }
    });
    return exchange.result;
  }

  /** Vert.x refuses a connection of a closed client with an IllegalStateException. */
  private static Throwable closedClient(Throwable failure) {
    return failure instanceof IllegalStateException
        ? new IOException("no connection: the HTTP client is closed (" + failure.getMessage()
            + ")", failure) : failure;
  }

  private void send(HttpClientRequest obtained, @Nullable Buffer body, Vertx vertx) {
    request = obtained;
    if (result.isDone()) {
      obtained.reset(); // the deadline passed while waiting for the connection
      return;
    }
    Future<Void> written = body == null ? obtained.end() : obtained.end(body);
    obtained.response().onComplete((answer, failure) -> {
      if (failure != null) {
        finish(outcomes.fromFailure(call, notSent(written) ? new RequestNotSentException(written.cause())
            : failure), vertx);
      } else {
        read(answer, vertx);
      }
    });
  }

  /**
   * Whether writing the request failed because its channel was closed: the pool handed out a
   * connection the server had closed right after its last answer (without {@code Connection:
   * close}) before Vert.x had processed the close, so the request, or at least its end, never
   * left the client and the API cannot have acted on it. Any other write failure, or one not yet
   * known when the response fails, counts as sent: the request may have reached the API.
   */
  private static boolean notSent(Future<Void> written) {
    return written.failed() && written.cause() instanceof ClosedChannelException;
  }

  /**
   * Reads the body up to {@link #MAX_RESPONSE_BYTES}: every call in flight holds its body until
   * it ends, so a broken API or proxy sending large bodies to each of them would otherwise fill the
   * heap (at 1 MiB, 256 calls held 535 MiB). A body over it, or announced over it by its {@code
   * Content-Length}, ends the call as an unreadable response (the account may exist), and its
   * connection is closed. The buffer
   * is sized from {@code Content-Length} when given, so it does not grow by doubling.
   */
  private void read(HttpClientResponse answer, Vertx vertx) {
    if (answer.statusCode() < 200) {
      interim(answer, vertx);
      return;
    }
    long announced = contentLength(answer);
    if (announced > MAX_RESPONSE_BYTES) {
      tooLarge(answer, vertx);
      return;
    }
    Buffer bytes = announced > 0 ? Buffer.buffer((int) announced) : Buffer.buffer();
    answer.handler(chunk -> {
      if (result.isDone()) {
        return;
      }
      if (bytes.length() + chunk.length() > MAX_RESPONSE_BYTES) {
        tooLarge(answer, vertx);
      } else {
        bytes.appendBuffer(chunk);
      }
    });
    answer.exceptionHandler(failure -> finish(outcomes.fromFailure(call, failure), vertx));
    answer.endHandler(end -> finish(outcome(answer, bytes), vertx));
  }

  /**
   * Vert.x waits past {@code 100} and {@code 103} only: another informational answer ({@code 102
   * Processing}) it takes for the final one and returns the connection to the pool, where the
   * real answer, arriving later, would be read as the answer to the next call on it: another
   * command's account. The connection is closed before anything else can use it, and the call ends
   * as a connection error, retried under the same key.
   */
  private void interim(HttpClientResponse answer, Vertx vertx) {
    answer.request().connection().close();
    finish(outcomes.fromFailure(call, new IOException("interim response " + answer.statusCode()
        + " taken for the answer; its connection is closed so the answer after it reaches no other "
        + "call")), vertx);
  }

  private void tooLarge(HttpClientResponse answer, Vertx vertx) {
    finish(outcomes.fromFailure(call, new OversizedResponseException(answer.statusCode())), vertx);
    answer.request().reset();
  }

  /** The {@code Content-Length} header, or -1 when absent or unreadable. */
  private static long contentLength(HttpClientResponse answer) {
    String value = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException unreadable) {
      return -1;
    }
  }

  private ApiOutcome outcome(HttpClientResponse response, Buffer body) {
    return outcomes.fromResponse(call, response.statusCode(), response::getHeader,
        body.getBytes());
  }

  private void finish(ApiOutcome outcome, Vertx vertx) {
    if (result.complete(outcome)) {
      vertx.cancelTimer(timer);
    }
  }

  private void expire(long timeoutMillis) {
    var timeout = new TimeoutException("no complete response within " + timeoutMillis + " ms");
    if (result.complete(outcomes.fromFailure(call, timeout))) {
      HttpClientRequest obtained = request;
      if (obtained != null) {
        obtained.reset(0, timeout);
      }
    }
  }
}
