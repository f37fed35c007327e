package dev.provisioner.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP server on a real socket that answers each request with whatever bytes, at whatever
 * pace, its script writes: a dripping body, an endless body, a reset, 1xx responses, HTTP/1.0.
 * It reads each request's head and body (by {@code Content-Length}) first, and records the heads.
 * Several requests may come over one connection; the script decides whether it stays open.
 */
public final class HostileServer implements AutoCloseable {

  /** Writes the answer to one request; returns whether the connection may take another request. */
  @FunctionalInterface
  public interface Script {
    boolean answer(String requestHead, OutputStream out, Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "hostile-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final AtomicLong connectionCount = new AtomicLong();
  private final Script script;

  public HostileServer(Script script) throws IOException {
    this.script = script;
    socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    connections.execute(this::acceptLoop);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** The request heads received so far (request line and headers). */
  public List<String> heads() {
    return heads;
  }

  /** How many connections were accepted. */
  public long connections() {
    return connectionCount.get();
  }

  /** A whole response with {@code Content-Length}, kept alive, in one write. */
  public static Script respond(String statusLine, String headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return (head, out, socket) -> {
      out.write((statusLine + "\r\n" + headers + "Content-Length: " + bytes.length + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      return true;
    };
  }

  /** A whole response in 8 KiB chunks ({@code Transfer-Encoding: chunked}), kept alive. */
  public static Script chunked(String statusLine, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return (head, out, socket) -> {
      write(out, statusLine + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int at = 0; at < bytes.length; at += 8192) {
        int length = Math.min(8192, bytes.length - at);
        write(out, Integer.toHexString(length) + "\r\n");
        out.write(bytes, at, length);
        write(out, "\r\n");
      }
      write(out, "0\r\n\r\n");
      return true;
    };
  }

  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void acceptLoop() {
    try {
      while (!socket.isClosed()) {
        Socket connection = socket.accept();
        connectionCount.incrementAndGet();
        accepted.add(connection);
        connections.execute(() -> serve(connection));
      }
    } catch (IOException closed) {
      // the server was closed: the loop ends
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      boolean open = true;
      while (open) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        heads.add(head);
        in.readNBytes(contentLength(head));
        open = script.answer(head, out, connection);
      }
    } catch (IOException | InterruptedException ended) {
      // the client went away, or the script ended the connection
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : accepted) {
      connection.close();
    }
    connections.shutdownNow();
  }
}
