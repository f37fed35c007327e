package dev.provisioner.sandbox.http;

import dev.provisioner.sandbox.core.SandboxRequest.Body;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/**
 * Reads a request body into memory up to a limit. A body at or over the limit is drained
 * without being kept (so the client can read the 413), up to a drain limit past which the
 * connection is given up.
 */
final class BodyCollector {

  /** The body went past the drain limit; the connection should be closed. */
  static final class Overflow extends RuntimeException {

    Overflow() {
      super("request body past the drain limit", null, false, false);
    }
  }

  private final long max;
  private final long drainLimit;
  private @Nullable ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
  private long seen;

  private BodyCollector(long max, long drainLimit) {
    this.max = max;
    this.drainLimit = drainLimit;
  }

  static Mono<Body> read(ByteBufFlux content, long max) {
    long drainLimit = Math.max(max * 16, 16L << 20);
    return content.reduceWith(() -> new BodyCollector(max, drainLimit), BodyCollector::add)
        .map(BodyCollector::body);
  }

  private BodyCollector add(ByteBuf chunk) {
    int length = chunk.readableBytes();
    seen += length;
    if (seen > drainLimit) {
      throw new Overflow();
    }
    if (kept != null && seen >= max) {
      kept = null;
    }
    if (kept != null) {
      byte[] bytes = new byte[length];
      chunk.getBytes(chunk.readerIndex(), bytes);
      kept.write(bytes, 0, length);
    }
    return this;
  }

  private Body body() {
    return kept == null ? new Body(new byte[0], true) : new Body(kept.toByteArray(), false);
  }
}
