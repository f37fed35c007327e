package dev.provisioner.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
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
 * before it has a connection ends as a connection error, as one whose connection is closed.
 */
final class VertxExchange {

  /** The largest response body read: 1 MiB. */
  static final int MAX_RESPONSE_BYTES = 1 << 20;

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
    var response = body == null ? obtained.send() : obtained.send(body);
    response.onComplete((answer, failure) -> {
      if (failure != null) {
        finish(outcomes.fromFailure(call, failure), vertx);
      } else {
        read(answer, vertx);
      }
    });
  }

  /**
   * Reads the body up to {@link #MAX_RESPONSE_BYTES}: an account is a few kilobytes, and a broken
   * API or proxy sending more would otherwise fill the heap (one body per call in flight). A body
   * over it ends the call as a connection error, and its connection is closed.
   */
  private void read(HttpClientResponse answer, Vertx vertx) {
    Buffer bytes = Buffer.buffer();
    answer.handler(chunk -> {
      if (result.isDone()) {
        return;
      }
      if (bytes.length() + chunk.length() > MAX_RESPONSE_BYTES) {
        finish(outcomes.fromFailure(call, new IOException("response body over " + MAX_RESPONSE_BYTES
            + " bytes (status " + answer.statusCode() + ")")), vertx);
        answer.request().reset();
      } else {
        bytes.appendBuffer(chunk);
      }
    });
    answer.exceptionHandler(failure -> finish(outcomes.fromFailure(call, failure), vertx));
    answer.endHandler(end -> finish(outcome(answer, bytes), vertx));
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
