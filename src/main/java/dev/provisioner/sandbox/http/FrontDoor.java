package dev.provisioner.sandbox.http;

import dev.provisioner.sandbox.admin.AdminApi;
import dev.provisioner.sandbox.core.Outcome;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxRequest;
import dev.provisioner.sandbox.gateway.Gateway;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The Reactor Netty handler of every request: reads the body within its limit, sends
 * {@code /_sandbox/} to the admin API and everything else to the gateway, and writes the outcome.
 * Nothing here blocks; an unexpected error becomes a 500 problem, never a dead connection. The raw
 * URI is used throughout: Reactor Netty's decoded {@code path()} throws on a broken escape.
 */
public final class FrontDoor
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

  private final Gateway gateway;
  private final AdminApi admin;
  private final long maxBodyBytes;

  public FrontDoor(Gateway gateway, AdminApi admin, long maxBodyBytes) {
    this.gateway = gateway;
    this.admin = admin;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    return Mono.defer(() -> BodyCollector.read(request.receive(), maxBodyBytes)
        .map(body -> SandboxRequest.of(request.method().name(), request.uri(),
            request.requestHeaders(), body))
        .flatMap(this::route))
        .onErrorResume(BodyCollector.Overflow.class, e -> Mono.just(Outcome.send(
            ProblemType.PAYLOAD_TOO_LARGE.reply(413, "body: too large", pathOf(request.uri()))
                .withHeader("Connection", "close"))))
        .onErrorResume(e -> {
          log.error("unexpected error on {} {}", request.method(), request.uri(), e);
          return Mono.just(Outcome.send(ProblemType.INTERNAL_ERROR.reply(500,
              "unexpected error in the sandbox", pathOf(request.uri()))));
        })
        .flatMap(outcome -> write(outcome, response));
  }

  /** A problem's {@code instance} is the request path (moment-api.md), without the query. */
  private static String pathOf(String uri) {
    int question = uri.indexOf('?');
    return question < 0 ? uri : uri.substring(0, question);
  }

  private Mono<Outcome> route(SandboxRequest request) {
    boolean toAdmin = !request.segments().isEmpty()
        && request.segments().get(0).equals("_sandbox");
    return toAdmin ? admin.handle(request) : gateway.handle(request);
  }

  private static Mono<Void> write(Outcome outcome, HttpServerResponse response) {
    if (outcome instanceof Outcome.Send send) {
      Reply reply = send.reply();
      response.status(reply.status());
      reply.headers().forEach(response::header);
      response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
      return reply.body().length == 0 ? response.send()
          : response.sendByteArray(Mono.just(reply.body())).then();
    }
    if (outcome instanceof Outcome.Hang hang) {
      return Mono.delay(hang.duration()).then(drop(response));
    }
    return drop(response);
  }

  private static Mono<Void> drop(HttpServerResponse response) {
    return Mono.defer(() -> {
      response.withConnection(connection -> connection.channel().close());
      return Mono.never();
    });
  }
}
