package dev.provisioner.accounts;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on a random port, on real sockets, that answers every request with the
 * reply it was last told and records what it received. Also opens misbehaving sockets.
 */
final class ScriptedServer implements AutoCloseable {

  /** A request as the server saw it. */
  record Received(String method, String rawPath, Headers headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * What to answer; with {@code echoAuthorization}, {@value #AUTHORIZATION} in the body or a
   * header value is replaced by the request's Authorization header, as a careless server might.
   */
  record Reply(int status, Map<String, String> headers, String body, boolean echoAuthorization) {
  }

  static final String AUTHORIZATION = "{authorization}";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Reply reply = new Reply(500, Map.of(), "", false);

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  ScriptedServer answer(int status, Map<String, String> headers, String body) {
    reply = new Reply(status, headers, body, false);
    return this;
  }

  ScriptedServer answerEchoingAuthorization(int status, Map<String, String> headers, String body) {
    reply = new Reply(status, headers, body, true);
    return this;
  }

  List<Received> received() {
    return received;
  }

  Received lastReceived() {
    return received.get(received.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      Headers requestHeaders = exchange.getRequestHeaders();
      received.add(new Received(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), requestHeaders, in.readAllBytes()));
      Reply current = reply;
      String authorization = current.echoAuthorization()
          ? String.valueOf(requestHeaders.getFirst("Authorization")) : AUTHORIZATION;
      byte[] bytes = current.body().replace(AUTHORIZATION, authorization)
          .getBytes(StandardCharsets.UTF_8);
      current.headers().forEach((name, value) ->
          exchange.getResponseHeaders().add(name, value.replace(AUTHORIZATION, authorization)));
      exchange.sendResponseHeaders(current.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** A port nothing listens on: bound, then closed, so a connection is refused. */
  static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A raw socket server that accepts connections and then either never answers ({@code
   * partialResponse} null) or writes the given bytes and closes the connection.
   */
  static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawServer(String partialResponse) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> acceptLoop(partialResponse), "raw-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    URI baseUrl() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void acceptLoop(String partialResponse) {
      try {
        while (!socket.isClosed()) {
          Socket connection = socket.accept();
          accepted.add(connection);
          if (!partialResponse.isEmpty()) {
            readRequestHead(connection.getInputStream());
            connection.getOutputStream().write(partialResponse.getBytes(StandardCharsets.UTF_8));
            connection.getOutputStream().flush();
            connection.close();
          }
        }
      } catch (IOException closed) {
        // the server was closed: the loop ends
      }
    }

    private static void readRequestHead(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      for (int b = in.read(); b >= 0 && matched < 4; b = in.read()) {
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        if (matched == 4) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : accepted) {
        connection.close();
      }
    }
  }
}
