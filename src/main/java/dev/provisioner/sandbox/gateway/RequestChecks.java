package dev.provisioner.sandbox.gateway;

import dev.provisioner.sandbox.billing.Operation.Route;
import dev.provisioner.sandbox.core.PathSegments;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks between authentication and the operation: the path leads somewhere, its reference
 * decodes, the body is JSON by media type and not too large. These refusals happen before the
 * idempotency store, so they are never stored under a key.
 */
final class RequestChecks {

  Optional<Reply> refusal(SandboxRequest request, Route route) {
    String instance = request.path();
    if (route instanceof Route.NoSuchPath) {
      return Optional.of(ProblemType.NOT_FOUND.reply(404,
          "no such endpoint: " + request.method() + " " + cut(request.path()), instance));
    }
    if (route instanceof Route.WrongMethod wrong) {
      return Optional.of(ProblemType.METHOD_NOT_ALLOWED.reply(405,
          request.method() + " is not allowed here; allowed: " + wrong.allowed(), instance)
          .withHeader("Allow", wrong.allowed()));
    }
    Route.Found found = (Route.Found) route;
    if (found.rawReference() != null && PathSegments.decode(found.rawReference()).isEmpty()) {
      return Optional.of(ProblemType.VALIDATION_ERROR.reply(400,
          "path: the reference is not valid percent-encoded UTF-8", instance));
    }
    if (found.operation().hasBody()) {
      return bodyRefusal(request, instance);
    }
    return Optional.empty();
  }

  private static Optional<Reply> bodyRefusal(SandboxRequest request, String instance) {
    String contentType = request.header("Content-Type");
    if (contentType == null || !isJson(contentType)) {
      return Optional.of(ProblemType.UNSUPPORTED_MEDIA_TYPE.reply(415,
          "Content-Type: must be application/json, got "
              + (contentType == null ? "none" : cut(contentType)), instance));
    }
    if (request.body().tooLarge()) {
      return Optional.of(ProblemType.PAYLOAD_TOO_LARGE.reply(413,
          "body: too large", instance));
    }
    return Optional.empty();
  }

  private static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  private static String cut(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
