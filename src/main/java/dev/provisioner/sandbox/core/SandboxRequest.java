package dev.provisioner.sandbox.core;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request as the sandbox sees it once its body has been read: method, raw path split into
 * still-encoded segments, query, headers and body.
 */
public record SandboxRequest(String method, String path, List<String> segments, String query,
    HttpHeaders headers, Body body) {

  /** Builds a request from the request line's URI (path and optional query). */
  public static SandboxRequest of(String method, String uri, HttpHeaders headers, Body body) {
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question + 1);
    List<String> segments = Arrays.stream(path.split("/", -1)).skip(1).toList();
    return new SandboxRequest(method, path, segments, query, headers, body);
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The value of query parameter {@code name}, or null; values are taken as sent. */
  public @Nullable String queryParameter(String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  /** The request body as read: the bytes, or only the fact that it was too large. */
  public record Body(byte[] bytes, boolean tooLarge) {

    public static final Body EMPTY = new Body(new byte[0], false);

    public boolean isEmpty() {
      return bytes.length == 0 && !tooLarge;
    }
  }
}
