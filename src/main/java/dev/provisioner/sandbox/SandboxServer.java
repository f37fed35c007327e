package dev.provisioner.sandbox;

import dev.provisioner.sandbox.http.FrontDoor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The sandbox's HTTP server: Reactor Netty on event loops of its own, so an application under
 * test in the same JVM keeps its own. A non-daemon thread keeps the JVM alive while it serves.
 */
final class SandboxServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

  private final LoopResources loops;
  private final DisposableServer server;

  private SandboxServer(LoopResources loops, DisposableServer server) {
    this.loops = loops;
    this.server = server;
  }

  static SandboxServer start(String host, int port, FrontDoor frontDoor) {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    LoopResources loops = LoopResources.create("sandbox-http", 1, threads, true);
    DisposableServer server;
    try {
      server = HttpServer.create()
          .runOn(loops)
          .host(host)
          .port(port)
          .httpRequestDecoder(spec -> spec.maxInitialLineLength(65_536).maxHeaderSize(65_536))
          .handle(frontDoor)
          .bindNow(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      loops.dispose();
      throw e;
    }
    Thread keepAlive = new Thread(() -> server.onDispose().block(), "sandbox-keep-alive");
    keepAlive.setDaemon(false);
    keepAlive.start();
    log.info("Moment API sandbox listening on port {}", server.port());
    return new SandboxServer(loops, server);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
    loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
  }
}
