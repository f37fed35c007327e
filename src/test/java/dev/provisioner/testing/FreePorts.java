package dev.provisioner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** TCP ports for tests: one free a moment ago (another process may still take it first). */
public final class FreePorts {

  private FreePorts() {
  }

  public static int any() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port", e);
    }
  }
}
