package dev.provisioner.cli;

/**
 * The {@code --port} of the server commands ({@code broker}, {@code sandbox}): a port outside
 * 0-65535 is bad usage named before anything starts. A port in use is reported alike by both
 * ({@link ErrorLines#IN_USE}).
 */
final class PortOption {

  private PortOption() {
  }

  static int checked(int port) {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be between 0 and 65535, but was " + port);
    }
    return port;
  }
}
