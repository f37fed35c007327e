package dev.provisioner.tooling.dlt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A worker health endpoint that reports the breaker state a test sets. */
final class HealthStub implements AutoCloseable {

  private final HttpServer server;
  private volatile String breaker = "CLOSED";

  HealthStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/actuator/health", exchange -> {
      byte[] body = ("{\"status\":\"UP\",\"components\":{\"worker\":{\"status\":\"UP\","
          + "\"details\":{\"breaker\":\"" + breaker + "\",\"paused\":false}}}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  void breaker(String state) {
    breaker = state;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
